package org.egovca.kmc.protocol;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 public-key encryption (GM/T 0003-4) with the ciphertext in the GM/T 0009 §7.2 DER form:
 *
 * <pre>
 * SM2Cipher ::= SEQUENCE {
 *   XCoordinate INTEGER,              -- C1 = kG, x
 *   YCoordinate INTEGER,              -- C1 = kG, y
 *   HASH        OCTET STRING (32),    -- C3 = SM3(x2 || M || y2)
 *   CipherText  OCTET STRING }        -- C2, as long as M
 * </pre>
 *
 * <p>The fields are in C1, C3, C2 order. BouncyCastle's {@code SM2Engine} and JCA {@code "SM2"}
 * cipher default to the older raw C1‖C2‖C3 layout, so this class always asks for {@link
 * SM2Engine.Mode#C1C3C2} and converts the raw {@code 04‖X‖Y‖C3‖C2} to and from DER itself (BC has
 * no SM2Cipher encoder). OpenSSL 3 {@code pkeyutl} with an SM2 key reads and writes the same DER.
 */
public final class Sm2Cipher {

  private static final int HASH_BYTES = 32;
  private static final int C1_BYTES = 1 + 2 * Sm2Keys.FIELD_BYTES;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Sm2Cipher() {}

  /** Encrypts {@code plaintext} for the holder of the SM2 {@code publicKey}; returns DER. */
  public static byte[] encrypt(PublicKey publicKey, byte[] plaintext) {
    return encrypt(Sm2Keys.publicParameters(publicKey), plaintext, RANDOM);
  }

  /** Encrypts {@code plaintext} for the holder of the SM2 {@code publicKey}; returns DER. */
  public static byte[] encrypt(ECPublicKeyParameters publicKey, byte[] plaintext) {
    return encrypt(publicKey, plaintext, RANDOM);
  }

  /**
   * Encrypts {@code plaintext} with the ephemeral k drawn from {@code random}; returns DER.
   *
   * @throws IllegalArgumentException for an empty plaintext (SM2 has no ciphertext for it) or a key
   *     that is not on the SM2 curve
   */
  public static byte[] encrypt(
      ECPublicKeyParameters publicKey, byte[] plaintext, SecureRandom random) {
    if (plaintext.length == 0) {
      throw new IllegalArgumentException("SM2 cannot encrypt an empty message");
    }
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    engine.init(true, new ParametersWithRandom(Sm2Keys.onSm2Curve(publicKey), random));
    try {
      return toDer(engine.processBlock(plaintext, 0, plaintext.length));
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("SM2 encryption failed", e);
    }
  }

  /** Decrypts a DER SM2Cipher with the SM2 {@code privateKey}. */
  public static byte[] decrypt(PrivateKey privateKey, byte[] der) throws KmcCryptoException {
    return decrypt(Sm2Keys.privateParameters(privateKey), der);
  }

  /**
   * Decrypts a DER SM2Cipher.
   *
   * @throws KmcCryptoException when {@code der} is not an SM2Cipher, C1 is not on the curve, or C3
   *     does not match (wrong key, or the ciphertext was altered)
   */
  public static byte[] decrypt(ECPrivateKeyParameters privateKey, byte[] der)
      throws KmcCryptoException {
    byte[] raw = toC1C3C2(der);
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    engine.init(false, Sm2Keys.onSm2Curve(privateKey));
    try {
      return engine.processBlock(raw, 0, raw.length);
    } catch (InvalidCipherTextException e) {
      throw new KmcCryptoException(
          "SM2Cipher does not decrypt: HASH (C3) mismatch, so the key is wrong or the ciphertext"
              + " was altered",
          e);
    }
  }

  /** Raw {@code 04‖X‖Y‖C3‖C2} from {@code SM2Engine} to the DER SM2Cipher. */
  static byte[] toDer(byte[] c1c3c2) {
    int c2Offset = C1_BYTES + HASH_BYTES;
    if (c1c3c2.length <= c2Offset || c1c3c2[0] != 0x04) {
      throw new IllegalArgumentException("not a raw uncompressed C1C3C2 SM2 ciphertext");
    }
    int half = Sm2Keys.FIELD_BYTES;
    ASN1EncodableVector fields = new ASN1EncodableVector(4);
    fields.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(c1c3c2, 1, 1 + half))));
    fields.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(c1c3c2, 1 + half, C1_BYTES))));
    fields.add(new DEROctetString(Arrays.copyOfRange(c1c3c2, C1_BYTES, c2Offset)));
    fields.add(new DEROctetString(Arrays.copyOfRange(c1c3c2, c2Offset, c1c3c2.length)));
    try {
      return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode SM2Cipher", e);
    }
  }

  /**
   * The DER SM2Cipher to raw {@code 04‖X‖Y‖C3‖C2}. Coordinates are normalised to 32 octets: DER
   * INTEGERs may be 33 octets (leading zero) or shorter than 32.
   */
  static byte[] toC1C3C2(byte[] der) throws KmcCryptoException {
    ASN1Sequence sequence = parseSequence(der);
    if (sequence.size() != 4) {
      throw new KmcCryptoException(
          "SM2Cipher must have 4 fields (XCoordinate, YCoordinate, HASH, CipherText), found "
              + sequence.size());
    }
    byte[] x = coordinate(sequence.getObjectAt(0), "XCoordinate");
    byte[] y = coordinate(sequence.getObjectAt(1), "YCoordinate");
    byte[] hash = octets(sequence.getObjectAt(2), "HASH");
    byte[] cipherText = octets(sequence.getObjectAt(3), "CipherText");
    if (hash.length != HASH_BYTES) {
      throw new KmcCryptoException("SM2Cipher HASH must be 32 octets, found " + hash.length);
    }
    if (cipherText.length == 0) {
      throw new KmcCryptoException("SM2Cipher CipherText is empty");
    }
    byte[] c1 = Arrays.concatenate(new byte[] {0x04}, x, y);
    try {
      Sm2Keys.decodePoint(c1);
    } catch (IllegalArgumentException e) {
      throw new KmcCryptoException("SM2Cipher (XCoordinate, YCoordinate) is not on the SM2 curve");
    }
    return Arrays.concatenate(c1, hash, cipherText);
  }

  private static ASN1Sequence parseSequence(byte[] der) throws KmcCryptoException {
    if (der == null || der.length == 0) {
      throw new KmcCryptoException("SM2Cipher is empty");
    }
    ASN1Primitive primitive;
    try {
      primitive = ASN1Primitive.fromByteArray(der);
    } catch (IOException | RuntimeException e) {
      throw new KmcCryptoException("SM2Cipher is not DER: " + e.getMessage(), e);
    }
    if (!(primitive instanceof ASN1Sequence sequence)) {
      throw new KmcCryptoException("SM2Cipher must be a SEQUENCE");
    }
    return sequence;
  }

  private static byte[] coordinate(ASN1Encodable field, String name) throws KmcCryptoException {
    if (!(field instanceof ASN1Integer integer)) {
      throw new KmcCryptoException("SM2Cipher " + name + " must be an INTEGER");
    }
    BigInteger value = integer.getValue();
    if (value.signum() < 0 || value.bitLength() > 8 * Sm2Keys.FIELD_BYTES) {
      throw new KmcCryptoException("SM2Cipher " + name + " is not a 256-bit field element");
    }
    return BigIntegers.asUnsignedByteArray(Sm2Keys.FIELD_BYTES, value);
  }

  private static byte[] octets(ASN1Encodable field, String name) throws KmcCryptoException {
    if (!(field instanceof ASN1OctetString octets)) {
      throw new KmcCryptoException("SM2Cipher " + name + " must be an OCTET STRING");
    }
    return octets.getOctets();
  }
}
