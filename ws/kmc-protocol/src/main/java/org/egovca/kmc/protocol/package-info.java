/**
 * The GM/T 0014 CA↔KMC protocol for both ends, and the GM/T 0009 SM2 cryptography of key delivery
 * (SPEC R3, R14; CPS §6.1.4.10.2–3, §7.5.2). The CA is the client: it signs a {@code CARequest} and
 * checks the {@code KMRespond}; the KMC is the server: it checks the request, generates or finds
 * the holder's encryption key pair, and answers with the private key enveloped to the holder.
 *
 * <ul>
 *   <li>{@link org.egovca.kmc.protocol.CaRequests}, {@link org.egovca.kmc.protocol.KmResponds}:
 *       sign, parse and verify the two messages (SM3withSM2, default user ID 1234567812345678, the
 *       signature over exactly the received DER of KSRequest or KSRespond); the CA matches each
 *       answer to its request with {@code KmResponds.checkAnswers}.
 *   <li>{@link org.egovca.kmc.protocol.EntNames}: the {@code caName} and {@code kmName} of a
 *       certificate, and the check that a message's name fits the certificate it is verified with.
 *   <li>{@link org.egovca.kmc.protocol.Freshness}, {@link org.egovca.kmc.protocol.ReplayWindow}:
 *       replay protection, from {@code requestTime} within a clock skew and {@code taskNo} seen
 *       once per CA within that time.
 *   <li>{@link org.egovca.kmc.protocol.EnvelopedKeys}: the GM/T 0009 §7.4 SM2 enveloped key, sealed
 *       by the KMC, checked (not opened) by the CA, opened by the holder; over {@link
 *       org.egovca.kmc.protocol.Sm2Cipher} (GM/T 0009 §7.2 SM2Cipher, C1C3C2) and SM4-ECB.
 *   <li>{@link org.egovca.kmc.protocol.EncryptionKeyPairs}: the KMC's SM2 key pairs.
 *   <li>{@link org.egovca.kmc.protocol.KmcProtocolException} (a refused message, with a {@code
 *       Refusal} code) and {@link org.egovca.kmc.protocol.KmcCryptoException} (a ciphertext or
 *       envelope that does not open).
 * </ul>
 *
 * <h2>retPriKey: the GM/T 0009 envelope itself, not a GM/T 0010 SignedAndEnvelopedData</h2>
 *
 * <p>The reconstructed GM/T 0014 types {@code RetKeyRespond.retPriKey} as a GM/T 0010
 * SignedAndEnvelopedData whose inner content is not specified (notes §8 item 2). This project puts
 * the DER {@code SM2EnvelopedKey} of GM/T 0009 §7.4 there instead: the 32-octet private key d under
 * a fresh SM4 key in ECB mode without padding, the SM4 key as a DER SM2Cipher (C1C3C2) under the
 * holder's signing public key ({@code AppUserInfo.userPubKey} or {@code RestoreKeyReq.userPubKey}),
 * and the delivered public key as {@code 04‖X‖Y}. Why:
 *
 * <ul>
 *   <li>the holder needs exactly this structure (CPS §6.1.4.10.3; GM/T 0009; convertible to the SKF
 *       {@code ENVELOPEDKEYBLOB} a USB key imports), so the CA relays it unchanged and never
 *       decrypts or re-wraps anything: the CA never sees a clear encryption private key;
 *   <li>the signer part of SignedAndEnvelopedData would only repeat what the KMC's signature over
 *       the whole KSRespond already proves, and BouncyCastle writes no GM/T 0010 content types;
 *   <li>the CA can still check the envelope without opening it ({@code EnvelopedKeys.checkCarries}:
 *       SM4-ECB, the carried public key is {@code retPubKey}, 32 octets of encrypted key).
 * </ul>
 *
 * <p>The price: a vendor KMC that sends a SignedAndEnvelopedData is not understood here. Such a KMC
 * would need its own reader of retPriKey; the rest of the messages stay as they are.
 */
package org.egovca.kmc.protocol;
