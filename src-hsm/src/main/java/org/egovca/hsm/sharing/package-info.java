/**
 * The cryptography of the key custodians (密钥分管员, CPS §6.5.1.2 item 2, §6.5.2.4): a crypto token's
 * activation data is split so that any 3 of 5 custodians can activate the token and no 2 can. The
 * pieces, in the order a ceremony uses them:
 *
 * <ol>
 *   <li>{@link org.egovca.hsm.sharing.SealedTokenPin}: a random activation secret encrypts the
 *       token's PIN; only the sealed PIN is stored. Because a wrong combination of shares fails
 *       here, with a {@link org.egovca.hsm.sharing.WrongSharesException}, it never reaches the
 *       token and never counts against the module's PIN retry counter.
 *   <li>{@link org.egovca.hsm.sharing.SecretSharing}: Shamir's scheme splits the activation secret
 *       into one {@link org.egovca.hsm.sharing.Share} per custodian and combines enough of them
 *       back.
 *   <li>{@link org.egovca.hsm.sharing.SealedShare}: each share is stored encrypted under its
 *       custodian's own PIN (Argon2id, AES-256-GCM) and bound to the token, the share distribution
 *       and the custodian; a wrong PIN is a {@link org.egovca.hsm.sharing.WrongPinException}.
 *       {@link org.egovca.hsm.sharing.CustodianPins} says which PINs a custodian may choose.
 * </ol>
 *
 * <p>A share distribution, then an activation, in outline ({@code random} a {@code SecureRandom};
 * every {@code char[]} and {@code byte[]} secret is cleared by the caller when done):
 *
 * <pre>{@code
 * char[] tokenPin = SealedTokenPin.newTokenPin(random);        // set as the token's user PIN
 * byte[] secret = SealedTokenPin.newSecret(random);
 * byte[] sealedPin = SealedTokenPin.seal(tokenPin, secret, tokenName, random);     // stored
 * List<Share> shares = SecretSharing.split(secret, 5, 3, random);
 * byte[] sealedShare = SealedShare.seal(shares.get(i), custodianPin, // stored, one per custodian
 *     new SealedShare.Binding(tokenName, distributionId, custodian), random);
 *
 * Share share = SealedShare.open(sealedShare, custodianPin, binding); // each custodian in turn
 * byte[] secret = SecretSharing.combine(threeShares, SealedTokenPin.SECRET_BYTES);
 * char[] tokenPin = SealedTokenPin.open(sealedPin, secret, tokenName); // then token.activate
 * }</pre>
 *
 * <p>Re-sharing (a custodian leaves or joins) combines enough shares of the old distribution and
 * splits the same secret again under a new distribution id; the sealed token PIN stays valid.
 *
 * <p>Plain Java and BouncyCastle's lightweight API: no provider is registered, no state is kept
 * between calls, and nothing here logs. The ceremonies (who may take part, how many, the audit
 * record, where sealed data is stored) are the callers' business.
 */
package org.egovca.hsm.sharing;
