package org.egovca.hsm;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A key pair on its way from one token to another (a backup to a backup token, a restore from it):
 * the public key in clear and the private key encrypted so that only the receiving token can
 * recover it. It is made by {@link CryptoToken#exportKey} for a transport key of the receiving
 * token ({@link CryptoToken#createTransportKey()}) and consumed by that token's {@link
 * CryptoToken#importKey}; it is useless to anyone else, so it may be carried on any medium.
 *
 * <p>The encryption is the same for every kind of token, so that the key material never has to be
 * converted outside a token:
 *
 * <ul>
 *   <li>{@link #encryptedKeyEncryptionKey()}: a fresh random AES-256 key, encrypted with RSAES-OAEP
 *       (RFC 8017; SHA-1, MGF1 with SHA-1, empty label) under the transport key. SHA-1 because
 *       SoftHSM2 2.6 accepts no other OAEP hash; OAEP's security does not rest on the hash's
 *       collision resistance.
 *   <li>{@link #wrappedPrivateKey()}: the DER PrivateKeyInfo (RFC 5958) wrapped under that AES key
 *       with the AES key wrap with padding (RFC 5649; PKCS#11 {@code CKM_AES_KEY_WRAP_PAD}), whose
 *       integrity check detects any alteration. SoftHSM2 2.6 appends zero bytes to the
 *       PrivateKeyInfo up to a multiple of 8 before wrapping; a receiving token accepts up to seven
 *       zero bytes after its end.
 *   <li>{@link #transportKeyId()}: SHA-256 of the DER SubjectPublicKeyInfo of the transport key, so
 *       that the receiving token finds the right transport private key.
 *   <li>{@link #publicKeyInfo()}: the DER SubjectPublicKeyInfo of the key pair. The receiving token
 *       checks that the private key belongs to it before storing the pair.
 * </ul>
 *
 * <p>Instances are immutable: byte arrays are copied in and out.
 */
public final class WrappedKey {
  private final String alias;
  private final KeyAlgorithm algorithm;
  private final byte[] publicKeyInfo;
  private final byte[] transportKeyId;
  private final byte[] encryptedKeyEncryptionKey;
  private final byte[] wrappedPrivateKey;

  /**
   * Assembles a wrapped key from its parts (as {@link CryptoToken#exportKey} made them).
   *
   * @throws IllegalArgumentException if the alias is not 1 to 64 characters from {@code A-Z a-z 0-9
   *     . _ -}, or the transport key identifier is not 32 bytes
   */
  public WrappedKey(
      String alias,
      KeyAlgorithm algorithm,
      byte[] publicKeyInfo,
      byte[] transportKeyId,
      byte[] encryptedKeyEncryptionKey,
      byte[] wrappedPrivateKey) {
    KeyAliases.requireValid(alias);
    if (transportKeyId.length != 32) {
      throw new IllegalArgumentException("a transport key identifier is a SHA-256 value");
    }
    this.alias = alias;
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.publicKeyInfo = publicKeyInfo.clone();
    this.transportKeyId = transportKeyId.clone();
    this.encryptedKeyEncryptionKey = encryptedKeyEncryptionKey.clone();
    this.wrappedPrivateKey = wrappedPrivateKey.clone();
  }

  /** The identifier {@link #transportKeyId()} of a transport key: SHA-256 of its DER encoding. */
  public static byte[] transportKeyIdOf(PublicKey transportKey) {
    try {
      byte[] encoded = SubjectPublicKeyInfo.getInstance(transportKey.getEncoded()).getEncoded();
      return MessageDigest.getInstance("SHA-256").digest(encoded);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot encode the transport key", e);
    }
  }

  /** The alias the key had in the exporting token and gets in the importing one. */
  public String alias() {
    return alias;
  }

  /** The key's type. */
  public KeyAlgorithm algorithm() {
    return algorithm;
  }

  /** The DER SubjectPublicKeyInfo of the key pair. */
  public byte[] publicKeyInfo() {
    return publicKeyInfo.clone();
  }

  /** SHA-256 of the DER SubjectPublicKeyInfo of the transport key it is encrypted for. */
  public byte[] transportKeyId() {
    return transportKeyId.clone();
  }

  /** The AES-256 key encryption key, RSAES-OAEP encrypted under the transport key. */
  public byte[] encryptedKeyEncryptionKey() {
    return encryptedKeyEncryptionKey.clone();
  }

  /** The PrivateKeyInfo, wrapped under the key encryption key (RFC 5649). */
  public byte[] wrappedPrivateKey() {
    return wrappedPrivateKey.clone();
  }

  @Override
  public String toString() {
    return "WrappedKey[" + alias + ", " + algorithm.displayName() + "]";
  }
}
