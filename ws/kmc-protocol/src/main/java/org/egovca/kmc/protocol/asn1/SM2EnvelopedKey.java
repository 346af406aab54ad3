package org.egovca.kmc.protocol.asn1;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The GM/T 0009 §7.4 SM2 enveloped key, as a structure: how an SM2 private key travels from the KMC
 * to its holder (CPS §6.1.4.10.3).
 *
 * <pre>
 * SM2EnvelopedKey ::= SEQUENCE {
 *   symAlgID               AlgorithmIdentifier, -- SM4-ECB 1.2.156.10197.1.104.1
 *   symEncryptedKey        SM2Cipher,           -- the symmetric key, under the holder's SIGNING key
 *   Sm2PublicKey           SM2PublicKey,        -- BIT STRING 04||X||Y of the delivered key pair
 *   Sm2EncryptedPrivateKey BIT STRING }         -- the private key under the symmetric key
 *
 * SM2Cipher ::= SEQUENCE {                      -- GM/T 0009 §7.2, C1 C3 C2 order
 *   XCoordinate INTEGER, YCoordinate INTEGER,
 *   HASH        OCTET STRING (SIZE(32)),
 *   CipherText  OCTET STRING }
 * </pre>
 *
 * <p>This class checks the shape only, so a party that must not open the envelope (the CA relaying
 * it) can still refuse a malformed one; what the fields mean (which algorithm, which key, whether
 * it opens) is {@code org.egovca.kmc.protocol.EnvelopedKeys}'s business. In this project's GM/T
 * 0014 messages it is the {@code retPriKey} of {@link RetKeyRespond}.
 */
public final class SM2EnvelopedKey extends ASN1Object {

  private static final int HASH_OCTETS = 32;
  private static final int COORDINATE_BITS = 256;

  private final AlgorithmIdentifier symAlgId;
  private final ASN1Sequence symEncryptedKey;
  private final byte[] sm2PublicKey;
  private final byte[] sm2EncryptedPrivateKey;

  /**
   * An envelope from its four fields.
   *
   * @param symEncryptedKey a DER SM2Cipher SEQUENCE
   * @param sm2PublicKey the BIT STRING content 04‖X‖Y
   * @param sm2EncryptedPrivateKey the BIT STRING content
   * @throws IllegalArgumentException when a field is missing or {@code symEncryptedKey} is not
   *     shaped as an SM2Cipher
   */
  public SM2EnvelopedKey(
      AlgorithmIdentifier symAlgId,
      ASN1Sequence symEncryptedKey,
      byte[] sm2PublicKey,
      byte[] sm2EncryptedPrivateKey) {
    this.symAlgId = Der.required(symAlgId, "SM2EnvelopedKey.symAlgID");
    this.symEncryptedKey = checkSm2Cipher(symEncryptedKey);
    this.sm2PublicKey = Der.copy(sm2PublicKey, "SM2EnvelopedKey.Sm2PublicKey");
    this.sm2EncryptedPrivateKey =
        Der.copy(sm2EncryptedPrivateKey, "SM2EnvelopedKey.Sm2EncryptedPrivateKey");
  }

  private SM2EnvelopedKey(ASN1Sequence sequence) {
    this(
        Der.algorithm(sequence.getObjectAt(0), "SM2EnvelopedKey.symAlgID"),
        Der.sequence(sequence.getObjectAt(1), "SM2EnvelopedKey.symEncryptedKey", 4, 4),
        Der.wholeOctets(sequence.getObjectAt(2), "SM2EnvelopedKey.Sm2PublicKey"),
        Der.wholeOctets(sequence.getObjectAt(3), "SM2EnvelopedKey.Sm2EncryptedPrivateKey"));
  }

  /**
   * An SM2EnvelopedKey from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed SM2EnvelopedKey
   */
  public static SM2EnvelopedKey getInstance(Object obj) {
    if (obj instanceof SM2EnvelopedKey envelope) {
      return envelope;
    }
    return new SM2EnvelopedKey(Der.sequence(obj, "SM2EnvelopedKey", 4, 4));
  }

  public AlgorithmIdentifier getSymAlgId() {
    return symAlgId;
  }

  /** The SM2Cipher SEQUENCE holding the encrypted symmetric key. */
  public ASN1Sequence getSymEncryptedKey() {
    return symEncryptedKey;
  }

  /** The content of the Sm2PublicKey BIT STRING, 04‖X‖Y for a well-formed envelope. */
  public byte[] getSm2PublicKey() {
    return sm2PublicKey.clone();
  }

  /** The content of the Sm2EncryptedPrivateKey BIT STRING. */
  public byte[] getSm2EncryptedPrivateKey() {
    return sm2EncryptedPrivateKey.clone();
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    ASN1EncodableVector fields = new ASN1EncodableVector(4);
    fields.add(symAlgId);
    fields.add(symEncryptedKey);
    fields.add(new DERBitString(sm2PublicKey));
    fields.add(new DERBitString(sm2EncryptedPrivateKey));
    return new DERSequence(fields);
  }

  private static ASN1Sequence checkSm2Cipher(ASN1Sequence cipher) {
    String what = "SM2EnvelopedKey.symEncryptedKey";
    Der.sequence(Der.required(cipher, what), what, 4, 4);
    coordinate(cipher, 0, what + ".XCoordinate");
    coordinate(cipher, 1, what + ".YCoordinate");
    if (Der.octets(cipher.getObjectAt(2), what + ".HASH").length != HASH_OCTETS) {
      throw new IllegalArgumentException(what + ".HASH must be 32 octets");
    }
    if (Der.octets(cipher.getObjectAt(3), what + ".CipherText").length == 0) {
      throw new IllegalArgumentException(what + ".CipherText is empty");
    }
    return cipher;
  }

  private static void coordinate(ASN1Sequence cipher, int index, String what) {
    BigInteger value = Der.integer(cipher.getObjectAt(index), what);
    if (value.signum() < 0 || value.bitLength() > COORDINATE_BITS) {
      throw new IllegalArgumentException(what + " is not a 256-bit field element");
    }
  }
}
