package org.egovca.kmc.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.Arrays;
import org.egovca.kmc.protocol.testing.OpenSslCommand;
import org.egovca.kmc.protocol.testing.Pem;
import org.egovca.kmc.protocol.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sm2CipherTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final KeyPair KEYS = EncryptionKeyPairs.generate(RANDOM);

  private static byte[] message(int length) {
    byte[] message = new byte[length];
    RANDOM.nextBytes(message);
    return message;
  }

  @Test
  void roundTripWithJcaKeys() throws Exception {
    byte[] message = message(100);

    byte[] der = Sm2Cipher.encrypt(KEYS.getPublic(), message);

    assertArrayEquals(message, Sm2Cipher.decrypt(KEYS.getPrivate(), der));
  }

  @Test
  void roundTripWithLightweightParameters() throws Exception {
    byte[] message = message(1);

    byte[] der =
        Sm2Cipher.encrypt(Sm2Keys.publicParameters(KEYS.getPublic()), message, new SecureRandom());

    assertArrayEquals(
        message, Sm2Cipher.decrypt(Sm2Keys.privateParameters(KEYS.getPrivate()), der));
  }

  /**
   * The four GM/T 0009 fields, and HASH is really C3 = SM3(x2 || M || y2), computed here
   * independently from d·C1: this pins the C1C3C2 order, whatever BouncyCastle calls its modes.
   */
  @Test
  void derIsSm2CipherWithHashBeforeCipherText() throws Exception {
    byte[] message = message(45);

    ASN1Sequence cipher = ASN1Sequence.getInstance(Sm2Cipher.encrypt(KEYS.getPublic(), message));

    assertEquals(4, cipher.size());
    BigInteger x = ASN1Integer.getInstance(cipher.getObjectAt(0)).getValue();
    BigInteger y = ASN1Integer.getInstance(cipher.getObjectAt(1)).getValue();
    byte[] hash = ASN1OctetString.getInstance(cipher.getObjectAt(2)).getOctets();
    byte[] cipherText = ASN1OctetString.getInstance(cipher.getObjectAt(3)).getOctets();
    assertEquals(32, hash.length);
    assertEquals(message.length, cipherText.length);

    ECPoint c1 = Sm2Keys.DOMAIN.getCurve().createPoint(x, y);
    assertTrue(c1.isValid(), "C1 is on the SM2 curve");
    BigInteger d = Sm2Keys.privateParameters(KEYS.getPrivate()).getD();
    ECPoint shared = c1.multiply(d).normalize();
    SM3Digest sm3 = new SM3Digest();
    byte[] x2 = shared.getAffineXCoord().getEncoded();
    byte[] y2 = shared.getAffineYCoord().getEncoded();
    sm3.update(x2, 0, x2.length);
    sm3.update(message, 0, message.length);
    sm3.update(y2, 0, y2.length);
    byte[] c3 = new byte[32];
    sm3.doFinal(c3, 0);
    assertArrayEquals(c3, hash);
  }

  /** DER INTEGERs drop leading zero octets; decryption must put them back. */
  @Test
  void shortCoordinateIsNormalisedTo32Octets() throws Exception {
    byte[] message = message(16);
    for (int attempt = 0; attempt < 4000; attempt++) {
      byte[] der = Sm2Cipher.encrypt(KEYS.getPublic(), message);
      ASN1Sequence cipher = ASN1Sequence.getInstance(der);
      BigInteger x = ASN1Integer.getInstance(cipher.getObjectAt(0)).getValue();
      BigInteger y = ASN1Integer.getInstance(cipher.getObjectAt(1)).getValue();
      if (x.bitLength() <= 248 || y.bitLength() <= 248) {
        assertArrayEquals(message, Sm2Cipher.decrypt(KEYS.getPrivate(), der));
        return;
      }
    }
    throw new AssertionError("no coordinate shorter than 32 octets in 4000 encryptions");
  }

  @Test
  void anotherKeyCannotDecrypt() {
    byte[] der = Sm2Cipher.encrypt(KEYS.getPublic(), message(16));
    KeyPair other = EncryptionKeyPairs.generate(RANDOM);

    KmcCryptoException e =
        assertThrows(KmcCryptoException.class, () -> Sm2Cipher.decrypt(other.getPrivate(), der));
    assertTrue(e.getMessage().contains("HASH (C3) mismatch"), e.getMessage());
  }

  @Test
  void alteredCipherTextIsRejected() {
    byte[] der = Sm2Cipher.encrypt(KEYS.getPublic(), message(16));
    der[der.length - 1] ^= 0x01;

    assertThrows(KmcCryptoException.class, () -> Sm2Cipher.decrypt(KEYS.getPrivate(), der));
  }

  @Test
  void malformedInputIsRejectedWithAReason() throws Exception {
    ECPrivateKeyParameters key = Sm2Keys.privateParameters(KEYS.getPrivate());
    byte[] good = Sm2Cipher.encrypt(KEYS.getPublic(), message(16));
    ASN1Sequence fields = ASN1Sequence.getInstance(good);
    ASN1Encodable x = fields.getObjectAt(0);
    ASN1Encodable y = fields.getObjectAt(1);
    ASN1Encodable hash = fields.getObjectAt(2);
    ASN1Encodable text = fields.getObjectAt(3);

    assertRejected(key, new byte[0], "empty");
    assertRejected(key, new byte[] {1, 2, 3, 4}, "not DER");
    assertRejected(key, Arrays.append(good, (byte) 0), "not DER");
    assertRejected(key, new DEROctetString(good).getEncoded(), "SEQUENCE");
    assertRejected(key, sequence(x, y, hash), "4 fields");
    assertRejected(key, sequence(x, y, text, hash), "HASH must be 32 octets");
    assertRejected(key, sequence(hash, y, hash, text), "XCoordinate must be an INTEGER");
    assertRejected(
        key,
        sequence(new ASN1Integer(BigInteger.ONE.negate()), y, hash, text),
        "not a 256-bit field element");
    BigInteger xPlusOne = ASN1Integer.getInstance(x).getValue().add(BigInteger.ONE);
    assertRejected(key, sequence(new ASN1Integer(xPlusOne), y, hash, text), "not on the SM2 curve");
    assertRejected(key, sequence(x, y, hash, new DEROctetString(new byte[0])), "empty");
    // BouncyCastle's raw C1C3C2 is not the DER form (what it is mistaken for depends on X)
    assertRejected(key, Sm2Cipher.toC1C3C2(good), "SM2Cipher");
  }

  private static byte[] sequence(ASN1Encodable... fields) throws Exception {
    return new DERSequence(fields).getEncoded();
  }

  private static void assertRejected(ECPrivateKeyParameters key, byte[] der, String reason) {
    KmcCryptoException e =
        assertThrows(KmcCryptoException.class, () -> Sm2Cipher.decrypt(key, der));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void emptyMessageIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> Sm2Cipher.encrypt(KEYS.getPublic(), new byte[0]));
  }

  @Test
  void keyOnAnotherCurveIsRefused() throws Exception {
    KeyPair p256 = TestKeys.ecKeyPair("secp256r1");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Sm2Cipher.encrypt(p256.getPublic(), message(16)));
    assertTrue(e.getMessage().contains("not an SM2 key"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Sm2Cipher.decrypt(p256.getPrivate(), Sm2Cipher.encrypt(KEYS.getPublic(), message(1))));
  }

  @Test
  void decryptsWhatOpenSslEncrypts(@TempDir Path dir) throws Exception {
    byte[] message = message(77);
    Pem.writePublicKey(dir.resolve("pub.pem"), KEYS.getPublic());
    Files.write(dir.resolve("m.bin"), message);

    OpenSslCommand.run(
        dir, "pkeyutl", "-encrypt", "-pubin", "-inkey", "pub.pem", "-in", "m.bin", "-out", "c.der");

    byte[] der = Files.readAllBytes(dir.resolve("c.der"));
    assertInstanceOf(ASN1Sequence.class, ASN1Primitive.fromByteArray(der));
    assertArrayEquals(message, Sm2Cipher.decrypt(KEYS.getPrivate(), der));
  }

  @Test
  void openSslDecryptsWhatWeEncrypt(@TempDir Path dir) throws Exception {
    byte[] message = message(77);
    Pem.writePrivateKey(dir.resolve("key.pem"), KEYS.getPrivate());
    Files.write(dir.resolve("c.der"), Sm2Cipher.encrypt(KEYS.getPublic(), message));

    OpenSslCommand.run(
        dir, "pkeyutl", "-decrypt", "-inkey", "key.pem", "-in", "c.der", "-out", "m.bin");

    assertArrayEquals(message, Files.readAllBytes(dir.resolve("m.bin")));
  }

  @Test
  void privateKeyIsWrittenAsPkcs8(@TempDir Path dir) throws Exception {
    String pem = Files.readString(Pem.writePrivateKey(dir.resolve("key.pem"), KEYS.getPrivate()));

    assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----"), pem);
  }
}
