package org.egovca.hsm;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 decryption (GM/T 0003-4) of a GM/T 0009 §7.2 {@code SM2Cipher} in DER: {@code SEQUENCE {
 * XCoordinate INTEGER, YCoordinate INTEGER, HASH OCTET STRING (32), CipherText OCTET STRING }},
 * i.e. C1, C3, C2. BouncyCastle's engine reads the raw {@code 04‖x‖y‖C3‖C2}, so the DER is unpacked
 * here; coordinates are normalised to 32 octets (DER INTEGERs may carry a leading zero or be
 * shorter).
 */
final class Sm2Decryption {

  private static final int FIELD_BYTES = 32;
  private static final int HASH_BYTES = 32;

  private Sm2Decryption() {}

  /**
   * @throws CryptoTokenException when {@code der} is not an SM2Cipher or does not decrypt with the
   *     key (the hash C3 does not match)
   */
  static byte[] decrypt(ECPrivateKeyParameters key, byte[] der, String tokenName, String alias) {
    byte[] raw = raw(der, tokenName);
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    engine.init(false, key);
    try {
      return engine.processBlock(raw, 0, raw.length);
    } catch (InvalidCipherTextException e) {
      throw new CryptoTokenException(
          "the SM2 ciphertext does not decrypt with key " + alias + " of crypto token " + tokenName,
          e);
    }
  }

  private static byte[] raw(byte[] der, String tokenName) {
    try {
      ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
      if (sequence.size() != 4) {
        throw new IllegalArgumentException("an SM2Cipher has 4 fields, not " + sequence.size());
      }
      byte[] x = coordinate(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue());
      byte[] y = coordinate(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue());
      byte[] hash = ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets();
      byte[] cipherText = ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
      if (hash.length != HASH_BYTES) {
        throw new IllegalArgumentException("the SM2Cipher HASH is not 32 octets");
      }
      return Arrays.concatenate(new byte[] {0x04}, Arrays.concatenate(x, y), hash, cipherText);
    } catch (java.io.IOException | IllegalArgumentException | ClassCastException e) {
      throw new CryptoTokenException(
          "not a DER SM2Cipher (GM/T 0009 §7.2), refused by crypto token " + tokenName, e);
    }
  }

  private static byte[] coordinate(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > FIELD_BYTES * 8) {
      throw new IllegalArgumentException("an SM2Cipher coordinate is out of range");
    }
    return BigIntegers.asUnsignedByteArray(FIELD_BYTES, value);
  }
}
