package org.egovca.ca.kmc;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * The GM/T 0009 §7.4 SM2 enveloped key: how an SM2 private key travels from the key management
 * centre to its holder (SPEC R3; CPS §6.1.4.10.3).
 *
 * <pre>
 * SM2EnvelopedKey ::= SEQUENCE {
 *   symAlgID               AlgorithmIdentifier, -- SM4-ECB 1.2.156.10197.1.104.1, no parameters
 *   symEncryptedKey        SM2Cipher,           -- the SM4 key, under the holder's SIGNING key
 *   Sm2PublicKey           SM2PublicKey,        -- BIT STRING 04||X||Y of the ENCRYPTION key
 *   Sm2EncryptedPrivateKey BIT STRING }         -- SM4-ECB(d), 32 octets, no padding
 * </pre>
 *
 * <p>Sealing follows the four steps of §7.4: a fresh symmetric key; the private key encrypted with
 * it in ECB mode; the symmetric key encrypted with the recipient's SM2 public key; both put in the
 * structure. The recipient key is the holder's signing key, because the holder's token already has
 * that private key and the encryption key pair is new to it.
 *
 * <p>The envelope carries no MAC: opening checks instead that the recovered d gives the carried
 * public key (d·G = Q), which detects a wrong key and any change to the encrypted private key.
 */
public final class Sm2EnvelopedKey {

  /** SM4 in ECB mode, 1.2.156.10197.1.104.1 (GM/T 0006). */
  public static final ASN1ObjectIdentifier SM4_ECB = GMObjectIdentifiers.sms4_ecb;

  /** Bare SM4, 1.2.156.10197.1.104: some implementations put it in symAlgID; accepted on open. */
  static final ASN1ObjectIdentifier SM4 = new ASN1ObjectIdentifier("1.2.156.10197.1.104");

  private Sm2EnvelopedKey() {}

  /**
   * Seals an SM2 encryption key pair for its holder.
   *
   * @param encryptionPrivateKey the private key to deliver
   * @param encryptionPublicKey its public key, carried in clear in the envelope
   * @param holderSigningPublicKey the holder's SM2 signing public key (from the signing certificate
   *     or the PKCS#10 request)
   * @return the DER SM2EnvelopedKey
   * @throws IllegalArgumentException when a key is not SM2 or the two encryption keys do not match
   */
  public static byte[] seal(
      PrivateKey encryptionPrivateKey,
      PublicKey encryptionPublicKey,
      PublicKey holderSigningPublicKey,
      SecureRandom random) {
    return seal(
        Sm2Keys.privateParameters(encryptionPrivateKey),
        encryptionPublicKey,
        holderSigningPublicKey,
        random);
  }

  /** As {@link #seal(PrivateKey, PublicKey, PublicKey, SecureRandom)}, for a lightweight key. */
  public static byte[] seal(
      ECPrivateKeyParameters encryptionPrivateKey,
      PublicKey encryptionPublicKey,
      PublicKey holderSigningPublicKey,
      SecureRandom random) {
    BigInteger d = Sm2Keys.onSm2Curve(encryptionPrivateKey).getD();
    ECPoint q = Sm2Keys.publicParameters(encryptionPublicKey).getQ();
    if (!Sm2Keys.publicPointOf(d).equals(q)) {
      throw new IllegalArgumentException(
          "the encryption private key does not belong to the encryption public key");
    }
    ECPublicKeyParameters recipient = Sm2Keys.publicParameters(holderSigningPublicKey);

    byte[] symmetricKey = new byte[Sm4Ecb.KEY_BYTES];
    byte[] plainPrivateKey = BigIntegers.asUnsignedByteArray(Sm2Keys.FIELD_BYTES, d);
    try {
      random.nextBytes(symmetricKey);
      byte[] encryptedPrivateKey = Sm4Ecb.encrypt(symmetricKey, plainPrivateKey);
      byte[] encryptedKey = Sm2Cipher.encrypt(recipient, symmetricKey, random);

      ASN1EncodableVector fields = new ASN1EncodableVector(4);
      fields.add(new AlgorithmIdentifier(SM4_ECB));
      fields.add(ASN1Primitive.fromByteArray(encryptedKey));
      fields.add(new DERBitString(Sm2Keys.uncompressed(q)));
      fields.add(new DERBitString(encryptedPrivateKey));
      return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode SM2EnvelopedKey", e);
    } finally {
      Arrays.fill(symmetricKey, (byte) 0);
      Arrays.fill(plainPrivateKey, (byte) 0);
    }
  }

  /**
   * Opens an envelope with the holder's signing private key: what the holder's client does, and
   * what the KMC does to check a recovery envelope.
   *
   * <p>Accepted beyond what {@link #seal} writes: symAlgID with NULL parameters or the bare SM4
   * OID, and a 64-octet private-key ciphertext (the SKF {@code ENVELOPEDKEYBLOB} layout of 32 zero
   * octets then d).
   *
   * @return the encryption key pair, as JCA keys with SubjectPublicKeyInfo and PKCS#8 encodings
   * @throws KmcCryptoException when the envelope is malformed, uses another symmetric algorithm, is
   *     not for this signing key, or was altered
   */
  public static KeyPair open(byte[] der, PrivateKey holderSigningPrivateKey)
      throws KmcCryptoException {
    ASN1Sequence envelope = parse(der);
    requireSm4(envelope.getObjectAt(0));
    ECPoint q = publicKeyOf(envelope.getObjectAt(2));
    byte[] encryptedPrivateKey = bitStringOctets(envelope.getObjectAt(3), "Sm2EncryptedPrivateKey");
    if (encryptedPrivateKey.length != 32 && encryptedPrivateKey.length != 64) {
      throw new KmcCryptoException(
          "Sm2EncryptedPrivateKey must be 32 octets (or 64 in the SKF layout), found "
              + encryptedPrivateKey.length);
    }

    byte[] symmetricKey =
        Sm2Cipher.decrypt(holderSigningPrivateKey, encodingOf(envelope.getObjectAt(1)));
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

  private static ASN1Sequence parse(byte[] der) throws KmcCryptoException {
    if (der == null || der.length == 0) {
      throw new KmcCryptoException("SM2EnvelopedKey is empty");
    }
    ASN1Primitive primitive;
    try {
      primitive = ASN1Primitive.fromByteArray(der);
    } catch (IOException | RuntimeException e) {
      throw new KmcCryptoException("SM2EnvelopedKey is not DER: " + e.getMessage(), e);
    }
    if (!(primitive instanceof ASN1Sequence sequence) || sequence.size() != 4) {
      throw new KmcCryptoException(
          "SM2EnvelopedKey must be a SEQUENCE of symAlgID, symEncryptedKey, Sm2PublicKey and"
              + " Sm2EncryptedPrivateKey");
    }
    return sequence;
  }

  private static void requireSm4(ASN1Encodable field) throws KmcCryptoException {
    AlgorithmIdentifier algorithm;
    try {
      algorithm = AlgorithmIdentifier.getInstance(field);
    } catch (IllegalArgumentException e) {
      throw new KmcCryptoException("symAlgID is not an AlgorithmIdentifier", e);
    }
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    ASN1Encodable parameters = algorithm.getParameters();
    if (!SM4_ECB.equals(oid) && !SM4.equals(oid)) {
      throw new KmcCryptoException(
          "symAlgID " + oid + " is not SM4-ECB " + SM4_ECB + ": no other cipher is supported");
    }
    if (parameters != null && !DERNull.INSTANCE.equals(parameters)) {
      throw new KmcCryptoException("symAlgID SM4-ECB must have no parameters (or NULL)");
    }
  }

  private static ECPoint publicKeyOf(ASN1Encodable field) throws KmcCryptoException {
    byte[] encoded = bitStringOctets(field, "Sm2PublicKey");
    if (encoded.length != 1 + 2 * Sm2Keys.FIELD_BYTES || encoded[0] != 0x04) {
      throw new KmcCryptoException("Sm2PublicKey must be 04||X||Y, 65 octets");
    }
    try {
      return Sm2Keys.decodePoint(encoded);
    } catch (IllegalArgumentException e) {
      throw new KmcCryptoException("Sm2PublicKey is not a point on the SM2 curve", e);
    }
  }

  private static byte[] bitStringOctets(ASN1Encodable field, String name)
      throws KmcCryptoException {
    if (!(field instanceof ASN1BitString bits) || bits.getPadBits() != 0) {
      throw new KmcCryptoException(name + " must be a BIT STRING of whole octets");
    }
    return bits.getOctets();
  }

  private static byte[] encodingOf(ASN1Encodable field) throws KmcCryptoException {
    if (!(field instanceof ASN1Sequence)) {
      throw new KmcCryptoException("symEncryptedKey must be an SM2Cipher SEQUENCE");
    }
    try {
      return field.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new KmcCryptoException("symEncryptedKey cannot be re-encoded", e);
    }
  }
}
