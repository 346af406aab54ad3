package org.egovca.hsm;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * The one recipient of a key pair that is not a token: the holder of a signing key pair the CA
 * generated on the applicant's written request (CPS §6.1.4.10.1), who is handed its private key
 * once. Every other key stays inside tokens; this one leaves its token the way a backup does, as a
 * {@link WrappedKey}, and is opened here, in this process's memory, for the moment it takes to put
 * it into the holder's password-protected file.
 *
 * <p>{@link #receive} makes a transport key pair in memory, has the token {@link
 * CryptoToken#exportKey export} the key for it, opens the wrapped key, checks it against the
 * token's public key and forgets the transport key. The caller owns the returned DER PrivateKeyInfo
 * and clears it as soon as it is used: it is the clear private key.
 */
public final class ClearKeyRecipient {

  private ClearKeyRecipient() {}

  /**
   * The private key of the pair {@code alias} of {@code token}, as DER PrivateKeyInfo (RFC 5958).
   * The key stays in the token: destroy it there ({@link CryptoToken#destroyKey}) once the holder
   * has it.
   *
   * @throws UnknownKeyException if there is no such key
   * @throws TokenOfflineException if the token is not active
   * @throws CryptoTokenException if what the token exported does not decrypt, or is not the private
   *     key of its public key
   */
  public static byte[] receive(CryptoToken token, String alias) {
    Objects.requireNonNull(token, "token");
    SecureRandom random = new SecureRandom();
    AsymmetricCipherKeyPair transport = SoftwareKeyTransfer.newTransportKeyPair(random);
    PublicKey transportKey =
        SoftwareKeys.toJcaPublicKey(SoftwareKeys.publicKeyInfo(transport.getPublic()));
    WrappedKey wrapped = token.exportKey(alias, transportKey);
    byte[] privateKeyInfo = SoftwareKeyTransfer.unwrap(wrapped, transport.getPrivate(), "memory");
    try {
      requireMatch(wrapped, privateKeyInfo, token.publicKey(alias));
      return privateKeyInfo;
    } catch (RuntimeException e) {
      Arrays.fill(privateKeyInfo, (byte) 0);
      throw e;
    }
  }

  /** Refuses a private key that does not belong to the token's public key of that alias. */
  private static void requireMatch(WrappedKey wrapped, byte[] privateKeyInfo, PublicKey expected) {
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(expected.getEncoded());
    AsymmetricKeyParameter privateKey;
    try {
      privateKey =
          SoftwareKeys.privateKey(PrivateKeyInfo.getInstance(privateKeyInfo), wrapped.algorithm());
    } catch (IllegalArgumentException e) {
      throw new CryptoTokenException("malformed exported key " + wrapped.alias(), e);
    }
    if (!SoftwareKeys.publicKeyInfoOf(privateKey).equals(info)) {
      throw new CryptoTokenException(
          "the exported key " + wrapped.alias() + " does not belong to its public key");
    }
  }
}
