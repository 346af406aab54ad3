package org.egovca.kmc.protocol;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.egovca.kmc.protocol.asn1.GmAlgorithms;
import org.egovca.kmc.protocol.asn1.SM2EnvelopedKey;

/**
 * Sealing and opening the GM/T 0009 §7.4 SM2 enveloped key: how the KMC hands an encryption private
 * key to its holder (SPEC R3; CPS §6.1.4.10.3) so that nobody on the way, the CA included, can read
 * it.
 *
 * <p>Sealing follows the four steps of §7.4: a fresh SM4 key; the 32-octet private key d encrypted
 * with it in ECB mode without padding (d is exactly two blocks); the SM4 key encrypted to the
 * recipient's SM2 public key as a DER SM2Cipher (C1C3C2); both put in the structure, with the
 * delivered public key in clear. The recipient is the holder's signing key, which the holder's
 * token already holds; the same envelope under the KMC's own key is a way to escrow the key.
 *
 * <p>The envelope carries no MAC: opening checks instead that the recovered d gives the carried
 * public key (d·G = Q), which detects a wrong key and any change to the encrypted private key.
 */
public final class EnvelopedKeys {

  /** Bare SM4, 1.2.156.10197.1.104: some implementations put it in symAlgID; accepted on open. */
  static final ASN1ObjectIdentifier SM4 = new ASN1ObjectIdentifier("1.2.156.10197.1.104");

  private static final int SKF_PRIVATE_KEY_OCTETS = 64;

  private EnvelopedKeys() {}

  /**
   * Seals an SM2 key pair for the holder of {@code recipient} (KMC side).
   *
   * @param privateKey the private key to deliver
   * @param publicKey its public key, carried in clear in the envelope
   * @param recipient the holder's SM2 signing public key, as in AppUserInfo.userPubKey or
   *     RestoreKeyReq.userPubKey
   * @throws IllegalArgumentException when a key is not SM2 or the two delivered keys do not match
   */
  public static SM2EnvelopedKey envelope(
      PrivateKey privateKey,
      PublicKey publicKey,
      SubjectPublicKeyInfo recipient,
      SecureRandom random) {
    return envelope(privateKey, publicKey, Sm2Keys.publicParameters(recipient), random);
  }

  /** As {@link #envelope(PrivateKey, PublicKey, SubjectPublicKeyInfo, SecureRandom)}. */
  public static SM2EnvelopedKey envelope(
      PrivateKey privateKey, PublicKey publicKey, PublicKey recipient, SecureRandom random) {
    return envelope(privateKey, publicKey, Sm2Keys.publicParameters(recipient), random);
  }

  private static SM2EnvelopedKey envelope(
      PrivateKey privateKey,
      PublicKey publicKey,
      ECPublicKeyParameters recipient,
      SecureRandom random) {
    BigInteger d = Sm2Keys.privateParameters(privateKey).getD();
    ECPoint q = Sm2Keys.publicParameters(publicKey).getQ();
    if (!Sm2Keys.publicPointOf(d).equals(q)) {
      throw new IllegalArgumentException(
          "the private key to deliver does not match its public key");
    }
    byte[] symmetricKey = new byte[Sm4Ecb.KEY_BYTES];
    byte[] plainPrivateKey = BigIntegers.asUnsignedByteArray(Sm2Keys.FIELD_BYTES, d);
    try {
      random.nextBytes(symmetricKey);
      byte[] encryptedPrivateKey = Sm4Ecb.encrypt(symmetricKey, plainPrivateKey);
      byte[] encryptedKey = Sm2Cipher.encrypt(recipient, symmetricKey, random);
      return new SM2EnvelopedKey(
          GmAlgorithms.SM4_ECB,
          ASN1Sequence.getInstance(encryptedKey),
          Sm2Keys.uncompressed(q),
          encryptedPrivateKey);
    } finally {
      Arrays.fill(symmetricKey, (byte) 0);
      Arrays.fill(plainPrivateKey, (byte) 0);
    }
  }

  /**
   * Opens a DER envelope with the recipient's private key (holder side; the KMC checking an
   * escrow).
   *
   * @throws KmcCryptoException when {@code der} is not a strict DER SM2EnvelopedKey, or as {@link
   *     #open(SM2EnvelopedKey, PrivateKey)}
   */
  public static KeyPair open(byte[] der, PrivateKey recipientPrivateKey) throws KmcCryptoException {
    SM2EnvelopedKey envelope;
    try {
      envelope = SM2EnvelopedKey.getInstance(der);
    } catch (IllegalArgumentException e) {
      throw new KmcCryptoException(e.getMessage(), e);
    }
    return open(envelope, recipientPrivateKey);
  }

  /**
   * Opens an envelope with the recipient's private key.
   *
   * <p>Accepted beyond what {@link #envelope} writes: symAlgID with NULL parameters or the bare SM4
   * OID, and a 64-octet private-key ciphertext (the SKF {@code ENVELOPEDKEYBLOB} layout of 32 zero
   * octets then d).
   *
   * @return the delivered key pair, as JCA keys with SubjectPublicKeyInfo and PKCS#8 encodings
   * @throws KmcCryptoException when the envelope uses another symmetric algorithm, is not for this
   *     key, or was altered
   */
  public static KeyPair open(SM2EnvelopedKey envelope, PrivateKey recipientPrivateKey)
      throws KmcCryptoException {
    return open(envelope, sm2Cipher -> Sm2Cipher.decrypt(recipientPrivateKey, sm2Cipher));
  }

  /**
   * Decrypts a DER SM2Cipher with a recipient's private key wherever that key is: in memory, or
   * inside a crypto token that never lets it out (the KMC's escrow key).
   */
  @FunctionalInterface
  public interface KeyDecryptor {
    /**
     * @return the plaintext, which the caller clears
     * @throws KmcCryptoException when the ciphertext does not decrypt with the key
     */
    byte[] decrypt(byte[] sm2Cipher) throws KmcCryptoException;
  }

  /**
   * As {@link #open(SM2EnvelopedKey, PrivateKey)}, with the recipient's key used through {@code
   * recipient}: how the KMC opens an escrowed key whose escrow key stays in its token.
   */
  public static KeyPair open(SM2EnvelopedKey envelope, KeyDecryptor recipient)
      throws KmcCryptoException {
    requireSm4(envelope.getSymAlgId());
    ECPoint q = publicKeyOf(envelope);
    byte[] encryptedPrivateKey = envelope.getSm2EncryptedPrivateKey();
    if (encryptedPrivateKey.length != Sm2Keys.FIELD_BYTES
        && encryptedPrivateKey.length != SKF_PRIVATE_KEY_OCTETS) {
      throw new KmcCryptoException(
          "Sm2EncryptedPrivateKey must be 32 octets (or 64 in the SKF layout), found "
              + encryptedPrivateKey.length);
    }
    byte[] symmetricKey = recipient.decrypt(encryptedKeyOf(envelope));
    byte[] plainPrivateKey = null;
    try {
      if (symmetricKey.length != Sm4Ecb.KEY_BYTES) {
        throw new KmcCryptoException(
            "symEncryptedKey holds " + symmetricKey.length + " octets, not a 16-octet SM4 key");
      }
      plainPrivateKey = Sm4Ecb.decrypt(symmetricKey, encryptedPrivateKey);
      BigInteger d = new BigInteger(1, plainPrivateKey);
      if (!Sm2Keys.isValidPrivateValue(d) || !Sm2Keys.publicPointOf(d).equals(q)) {
        throw new KmcCryptoException(
            "the decrypted private key does not match Sm2PublicKey: the envelope was altered");
      }
      return Sm2Keys.toJcaKeyPair(d, q);
    } finally {
      Arrays.fill(symmetricKey, (byte) 0);
      if (plainPrivateKey != null) {
        Arrays.fill(plainPrivateKey, (byte) 0);
      }
    }
  }

  /**
   * Checks, without opening it, that an envelope delivers the key pair of {@code publicKey} with
   * the algorithms this project uses: what the CA does with a KMC's RetKeyRespond before it
   * certifies retPubKey and relays retPriKey.
   *
   * @throws KmcCryptoException when the envelope is not SM4-ECB, its Sm2PublicKey is not the point
   *     of {@code publicKey}, or its private-key ciphertext is not 32 octets
   */
  public static void checkCarries(SM2EnvelopedKey envelope, SubjectPublicKeyInfo publicKey)
      throws KmcCryptoException {
    requireSm4(envelope.getSymAlgId());
    ECPoint carried = publicKeyOf(envelope);
    ECPoint expected;
    try {
      expected = Sm2Keys.publicParameters(publicKey).getQ();
    } catch (IllegalArgumentException e) {
      throw new KmcCryptoException("the public key to deliver is not an SM2 key", e);
    }
    if (!carried.equals(expected)) {
      throw new KmcCryptoException("Sm2PublicKey is not the public key the envelope should carry");
    }
    if (envelope.getSm2EncryptedPrivateKey().length != Sm2Keys.FIELD_BYTES) {
      throw new KmcCryptoException("Sm2EncryptedPrivateKey must be 32 octets");
    }
  }

  private static void requireSm4(AlgorithmIdentifier algorithm) throws KmcCryptoException {
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    ASN1Encodable parameters = algorithm.getParameters();
    ASN1ObjectIdentifier sm4Ecb = GmAlgorithms.SM4_ECB.getAlgorithm();
    if (!sm4Ecb.equals(oid) && !SM4.equals(oid)) {
      throw new KmcCryptoException(
          "symAlgID " + oid + " is not SM4-ECB " + sm4Ecb + ": no other cipher is supported");
    }
    if (parameters != null && !DERNull.INSTANCE.equals(parameters)) {
      throw new KmcCryptoException("symAlgID SM4-ECB must have no parameters (or NULL)");
    }
  }

  private static byte[] encryptedKeyOf(SM2EnvelopedKey envelope) throws KmcCryptoException {
    try {
      return envelope.getSymEncryptedKey().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new KmcCryptoException("symEncryptedKey cannot be encoded", e);
    }
  }

  private static ECPoint publicKeyOf(SM2EnvelopedKey envelope) throws KmcCryptoException {
    byte[] encoded = envelope.getSm2PublicKey();
    if (encoded.length != 1 + 2 * Sm2Keys.FIELD_BYTES || encoded[0] != 0x04) {
      throw new KmcCryptoException("Sm2PublicKey must be 04||X||Y, 65 octets");
    }
    try {
      return Sm2Keys.decodePoint(encoded);
    } catch (IllegalArgumentException e) {
      throw new KmcCryptoException("Sm2PublicKey is not a point on the SM2 curve", e);
    }
  }
}
