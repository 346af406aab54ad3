package org.egovca.hsm;

import java.security.PublicKey;
import java.util.Set;
import org.bouncycastle.operator.ContentSigner;

/**
 * A store of CA key pairs whose private halves never leave it in clear: keys are generated inside
 * the token, used inside it through {@link #sign}, and only public keys come out. The CA core
 * depends on this contract alone, so a hardware token (the PKCS#11 token, or an SDF device as the
 * package description outlines) can replace the {@link SoftwareCryptoToken} without changes
 * elsewhere; {@link #kind()} and {@link #describe()} tell them apart on the health page.
 *
 * <p>A token starts {@link TokenStatus#OFFLINE}; {@link #activate(char[])} with the PIN makes the
 * private keys usable until {@link #deactivate()}. Public keys, aliases and key types can be read
 * in either state. Keys are named by an alias of 1 to 64 characters from {@code A-Z a-z 0-9 . _ -}.
 *
 * <p>A key pair can be copied to another token (a backup token, and back in a restore) without its
 * private key ever being in clear outside a token: the receiving token makes a transport key
 * ({@link #createTransportKey()}), the holding token exports the key encrypted for it ({@link
 * #exportKey}), and the receiving token imports it ({@link #importKey}); {@link #backupKey} and
 * {@link #restoreKey} do the three steps when both tokens are at hand. {@link #destroyKey} ends a
 * key's life. Backing up, restoring and destroying are ceremonies: the token does what it is told
 * once active, and the CA decides who may tell it.
 *
 * <p>Implementations are thread-safe; {@link #sign} in particular is called concurrently by the
 * issuing, CRL and OCSP services.
 */
public interface CryptoToken {

  /** The token's name, used in messages and logs. */
  String name();

  /** Whether the private keys can currently be used. */
  TokenStatus status();

  /** How this token keeps its keys. */
  TokenKind kind();

  /** Name, kind and status, for the health page: nothing secret. */
  default TokenDescription describe() {
    return new TokenDescription(name(), kind(), status());
  }

  /**
   * Unlocks the private keys with the token PIN. The caller keeps ownership of {@code pin} and
   * should clear it afterwards.
   *
   * @throws TokenAuthenticationException if the PIN is wrong; an offline token stays offline (a
   *     PKCS#11 token that was active is offline afterwards: a module checks a PIN only after a
   *     logout)
   */
  void activate(char[] pin);

  /** Makes the token offline and forgets every decrypted key held in memory. */
  void deactivate();

  /** Whether {@link #changePin} works on this token. */
  default boolean canChangePin() {
    return false;
  }

  /**
   * Replaces the PIN of the active token with {@code newPin}: afterwards only {@code newPin}
   * activates it, and the keys at rest are protected by it alone. The caller keeps ownership of
   * {@code newPin} and should clear it afterwards. A token that cannot change its own PIN (a
   * PKCS#11 module through the JDK's wrapper, which has no {@code C_SetPIN}) refuses: its officer
   * changes it with the module's tools.
   *
   * @throws TokenOfflineException if the token is not active
   * @throws CryptoTokenException if the token cannot change its PIN, or the change failed (the old
   *     PIN still works then)
   */
  default void changePin(char[] newPin) {
    throw new CryptoTokenException(
        "crypto token " + name() + " cannot change its PIN; its officer changes it");
  }

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
   *     SignatureAlgorithm#SM2_DEFAULT_USER_ID}) and for ECDSA, the PKCS#1 v1.5 signature block for
   *     RSA
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

  /**
   * Decrypts an SM2 ciphertext with the SM2 private key named {@code alias}, inside the token: what
   * a key management centre needs to open an escrowed key under its escrow key (GM/T 0009 §7.4)
   * without the escrow key ever leaving its token.
   *
   * @param sm2Cipher the ciphertext as a DER GM/T 0009 §7.2 {@code SM2Cipher} (C1, C3, C2)
   * @return the plaintext; the caller clears it
   * @throws UnknownKeyException if there is no such key
   * @throws UnsupportedKeyOperationException if the key is not SM2, or this kind of token cannot
   *     decrypt (this default: only the software token overrides it; an SDF device would)
   * @throws TokenOfflineException if the token is not active
   * @throws CryptoTokenException if the ciphertext is malformed or does not decrypt with the key
   */
  default byte[] decrypt(String alias, byte[] sm2Cipher) {
    keyAlgorithm(alias);
    throw new UnsupportedKeyOperationException(name(), alias, "SM2 decryption");
  }

  /**
   * Destroys the key pair named {@code alias} inside the token: the private key material is
   * overwritten or erased as far as the token can (see the implementation), then the key is gone.
   * Afterwards {@link #containsKey} is false and {@link #sign} fails with {@link
   * UnknownKeyException}. It cannot be undone: back the key up first unless it is meant to die.
   *
   * @throws UnknownKeyException if there is no such key
   * @throws TokenOfflineException if the token is not active
   */
  void destroyKey(String alias);

  /**
   * The first step of moving a key pair into this token: makes a fresh RSA transport key pair whose
   * private half stays inside this token, and returns the public half for the holding token's
   * {@link #exportKey}. The private half serves one {@link #importKey} and is discarded then, or at
   * the next {@link #deactivate()}.
   *
   * @throws TokenOfflineException if the token is not active
   */
  PublicKey createTransportKey();

  /**
   * The second step, on the token holding the key: the key pair {@code alias} with its private key
   * encrypted for the holder of {@code transportKey} (a transport key of the receiving token). The
   * private key leaves this token in that form only, see {@link WrappedKey}.
   *
   * @throws UnknownKeyException if there is no such key
   * @throws IllegalArgumentException if {@code transportKey} is not an RSA key of at least 2048
   *     bits
   * @throws TokenOfflineException if the token is not active
   */
  WrappedKey exportKey(String alias, PublicKey transportKey);

  /**
   * The third step, on the receiving token: decrypts the private key with the transport key it was
   * encrypted for, checks that it belongs to the public key, and stores the pair under {@link
   * WrappedKey#alias()}. The transport key is discarded, whatever the outcome.
   *
   * @return the imported public key
   * @throws KeyAliasExistsException if this token has a key with that alias already
   * @throws TokenOfflineException if the token is not active
   * @throws CryptoTokenException if no transport key of this token fits, the wrapped key was
   *     altered or does not match its public key, or this token cannot hold keys of that type
   */
  PublicKey importKey(WrappedKey key);

  /**
   * Copies the key pair {@code alias} from this token into {@code backupToken}, which keeps the
   * alias. Both tokens must be active.
   */
  default void backupKey(String alias, CryptoToken backupToken) {
    backupToken.importKey(exportKey(alias, backupToken.createTransportKey()));
  }

  /**
   * Copies the key pair {@code alias} from {@code backupToken} into this token, which must not hold
   * that alias. Both tokens must be active.
   */
  default void restoreKey(String alias, CryptoToken backupToken) {
    backupToken.backupKey(alias, this);
  }
}
