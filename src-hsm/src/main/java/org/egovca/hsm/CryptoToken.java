package org.egovca.hsm;

import java.security.PublicKey;
import java.util.Set;
import org.bouncycastle.operator.ContentSigner;

/**
 * A store of CA key pairs whose private halves never leave it in clear: keys are generated inside
 * the token, used inside it through {@link #sign}, and only public keys come out. The CA core
 * depends on this contract alone, so a hardware token can replace the {@link SoftwareCryptoToken}
 * without changes elsewhere.
 *
 * <p>A token starts {@link TokenStatus#OFFLINE}; {@link #activate(char[])} with the PIN makes the
 * private keys usable until {@link #deactivate()}. Public keys, aliases and key types can be read
 * in either state. Keys are named by an alias of 1 to 64 characters from {@code A-Z a-z 0-9 . _ -}.
 *
 * <p>Implementations are thread-safe; {@link #sign} in particular is called concurrently by the
 * issuing, CRL and OCSP services.
 */
public interface CryptoToken {

  /** The token's name, used in messages and logs. */
  String name();

  /** Whether the private keys can currently be used. */
  TokenStatus status();

  /**
   * Unlocks the private keys with the token PIN. The caller keeps ownership of {@code pin} and
   * should clear it afterwards.
   *
   * @throws TokenAuthenticationException if the PIN is wrong; the token stays as it was
   */
  void activate(char[] pin);

  /** Makes the token offline and forgets every decrypted key held in memory. */
  void deactivate();

  /**
   * Generates a key pair inside the token and stores it under {@code alias}.
   *
   * @return the new public key
   * @throws IllegalArgumentException if the alias is not 1 to 64 characters from {@code A-Z a-z 0-9
   *     . _ -}
   * @throws KeyAliasExistsException if a key with that alias exists already
   * @throws TokenOfflineException if the token is not active
   */
  PublicKey generateKeyPair(String alias, KeyAlgorithm algorithm);

  /** Whether a key with this alias exists. */
  boolean containsKey(String alias);

  /** The aliases of all keys, as an unmodifiable snapshot. */
  Set<String> aliases();

  /**
   * The public key of the pair named {@code alias}; its {@link PublicKey#getEncoded()} is the DER
   * SubjectPublicKeyInfo to put into certificates.
   *
   * @throws UnknownKeyException if there is no such key
   */
  PublicKey publicKey(String alias);

  /**
   * The type of the key named {@code alias}.
   *
   * @throws UnknownKeyException if there is no such key
   */
  KeyAlgorithm keyAlgorithm(String alias);

  /**
   * Signs {@code data} with the private key named {@code alias}.
   *
   * @return the signature as X.509 carries it: DER {@code SEQUENCE {r, s}} for SM2 (user ID {@value
   *     SignatureAlgorithm#SM2_DEFAULT_USER_ID}), the PKCS#1 v1.5 signature block for RSA
   * @throws UnknownKeyException if there is no such key
   * @throws IllegalArgumentException if {@code algorithm} does not fit the key's type
   * @throws TokenOfflineException if the token is not active
   */
  byte[] sign(String alias, SignatureAlgorithm algorithm, byte[] data);

  /**
   * A BouncyCastle {@link ContentSigner} for the certificate, CRL and OCSP builders. This default
   * collects the bytes written to it and calls {@link #sign}; a token that can hash as the bytes
   * arrive (the software token does) overrides it so that large structures such as CRLs take no
   * memory in proportion to their size. It never holds key material in a form a caller can read;
   * creating one per signing operation is cheap; it is not thread-safe.
   *
   * @throws UnknownKeyException if there is no such key
   * @throws IllegalArgumentException if {@code algorithm} does not fit the key's type
   */
  default ContentSigner contentSigner(String alias, SignatureAlgorithm algorithm) {
    SignatureAlgorithm.requireMatch(alias, keyAlgorithm(alias), algorithm);
    return new TokenContentSigner(this, alias, algorithm);
  }
}
