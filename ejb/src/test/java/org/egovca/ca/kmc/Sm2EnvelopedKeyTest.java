package org.egovca.ca.kmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.encoders.Hex;
import org.egovca.ca.testing.OpenSslCommand;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sm2EnvelopedKeyTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The holder's signing pair, made by the BC JCA provider as a holder's client might. */
  private static final KeyPair SIGNING = TestKeys.sm2KeyPair();

  /** The KMC's encryption pair for that holder. */
  private static final KeyPair ENCRYPTION = EncryptionKeyPairs.generate(RANDOM);

  private static byte[] seal() {
    return Sm2EnvelopedKey.seal(
        ENCRYPTION.getPrivate(), ENCRYPTION.getPublic(), SIGNING.getPublic(), RANDOM);
  }

  private static BigInteger d(PrivateKey key) {
    return Sm2Keys.privateParameters(key).getD();
  }

  @Test
  void openingWithTheSigningKeyReturnsTheEncryptionKeyPair() throws Exception {
    KeyPair opened = Sm2EnvelopedKey.open(seal(), SIGNING.getPrivate());

    assertArrayEquals(ENCRYPTION.getPublic().getEncoded(), opened.getPublic().getEncoded());
    assertEquals(d(ENCRYPTION.getPrivate()), d(opened.getPrivate()));
    assertEquals("X.509", opened.getPublic().getFormat());
    assertEquals("PKCS#8", opened.getPrivate().getFormat());
  }

  @Test
  void sealsALightweightPrivateKey() throws Exception {
    byte[] der =
        Sm2EnvelopedKey.seal(
            Sm2Keys.privateParameters(ENCRYPTION.getPrivate()),
            ENCRYPTION.getPublic(),
            SIGNING.getPublic(),
            RANDOM);

    assertEquals(
        d(ENCRYPTION.getPrivate()),
        d(Sm2EnvelopedKey.open(der, SIGNING.getPrivate()).getPrivate()));
  }

  @Test
  void anotherKeyCannotOpen() {
    byte[] der = seal();

    // the encryption key itself is the most tempting wrong key
    KmcCryptoException e =
        assertThrows(
            KmcCryptoException.class, () -> Sm2EnvelopedKey.open(der, ENCRYPTION.getPrivate()));
    assertTrue(e.getMessage().contains("HASH (C3) mismatch"), e.getMessage());
  }

  @Test
  void alteredEncryptedPrivateKeyIsDetected() throws Exception {
    byte[] der = seal();
    byte[] encrypted = field(der, 3, ASN1BitString.class).getOctets();
    encrypted[5] ^= 0x40;
    byte[] altered = replace(der, 3, new DERBitString(encrypted));

    KmcCryptoException e =
        assertThrows(
            KmcCryptoException.class, () -> Sm2EnvelopedKey.open(altered, SIGNING.getPrivate()));
    assertTrue(e.getMessage().contains("does not match Sm2PublicKey"), e.getMessage());
  }

  @Test
  void substitutedPublicKeyIsDetected() throws Exception {
    byte[] other =
        SubjectPublicKeyInfo.getInstance(
                EncryptionKeyPairs.generate(RANDOM).getPublic().getEncoded())
            .getPublicKeyData()
            .getOctets();
    byte[] altered = replace(seal(), 2, new DERBitString(other));

    KmcCryptoException e =
        assertThrows(
            KmcCryptoException.class, () -> Sm2EnvelopedKey.open(altered, SIGNING.getPrivate()));
    assertTrue(e.getMessage().contains("does not match Sm2PublicKey"), e.getMessage());
  }

  @Test
  void alteredSymmetricKeyCipherIsDetected() throws Exception {
    byte[] der = seal();
    ASN1Sequence cipher = field(der, 1, ASN1Sequence.class);
    byte[] hash = ASN1OctetString.getInstance(cipher.getObjectAt(2)).getOctets();
    hash[0] ^= 0x01;
    byte[] altered =
        replace(
            der,
            1,
            new DERSequence(
                new ASN1Encodable[] {
                  cipher.getObjectAt(0),
                  cipher.getObjectAt(1),
                  new DEROctetString(hash),
                  cipher.getObjectAt(3)
                }));

    assertThrows(
        KmcCryptoException.class, () -> Sm2EnvelopedKey.open(altered, SIGNING.getPrivate()));
  }

  @Test
  void derHasTheFourGmt0009Fields() throws Exception {
    byte[] der = seal();
    ASN1Sequence envelope = ASN1Sequence.getInstance(der);
    assertArrayEquals(der, envelope.getEncoded(ASN1Encoding.DER), "DER, not BER");
    assertEquals(4, envelope.size());

    // symAlgID: SM4-ECB, parameters absent
    AlgorithmIdentifier symAlgId = AlgorithmIdentifier.getInstance(envelope.getObjectAt(0));
    assertEquals(new ASN1ObjectIdentifier("1.2.156.10197.1.104.1"), symAlgId.getAlgorithm());
    assertNull(symAlgId.getParameters());
    assertEquals("300a06082a811ccf55016801", Hex.toHexString(symAlgId.getEncoded()));

    // symEncryptedKey: SM2Cipher of a 16-octet SM4 key
    ASN1Sequence cipher = ASN1Sequence.getInstance(envelope.getObjectAt(1));
    assertEquals(4, cipher.size());
    ASN1Integer.getInstance(cipher.getObjectAt(0));
    ASN1Integer.getInstance(cipher.getObjectAt(1));
    assertEquals(32, ASN1OctetString.getInstance(cipher.getObjectAt(2)).getOctets().length);
    assertEquals(16, ASN1OctetString.getInstance(cipher.getObjectAt(3)).getOctets().length);

    // Sm2PublicKey: 04||X||Y of the encryption key
    ASN1BitString publicKey = (ASN1BitString) envelope.getObjectAt(2);
    assertEquals(0, publicKey.getPadBits());
    assertArrayEquals(
        SubjectPublicKeyInfo.getInstance(ENCRYPTION.getPublic().getEncoded())
            .getPublicKeyData()
            .getOctets(),
        publicKey.getOctets());
    assertEquals(65, publicKey.getOctets().length);

    // Sm2EncryptedPrivateKey: two SM4 blocks, no padding, and not d in clear
    ASN1BitString encrypted = (ASN1BitString) envelope.getObjectAt(3);
    assertEquals(0, encrypted.getPadBits());
    assertEquals(32, encrypted.getOctets().length);
    assertTrue(
        !Arrays.areEqual(
            BigIntegers.asUnsignedByteArray(32, d(ENCRYPTION.getPrivate())),
            encrypted.getOctets()));
  }

  @Test
  void eachSealUsesAFreshSymmetricKey() {
    assertTrue(!Arrays.areEqual(seal(), seal()));
  }

  /**
   * The holder's side done by OpenSSL, an independent implementation: SM2-decrypt symEncryptedKey
   * with the signing key, then SM4-ECB-decrypt Sm2EncryptedPrivateKey with the result.
   */
  @Test
  void openSslRecoversThePrivateKeyFromTheEnvelope(@TempDir Path dir) throws Exception {
    byte[] der = seal();
    Files.write(dir.resolve("key.der"), field(der, 1, ASN1Sequence.class).getEncoded());
    Files.write(dir.resolve("enc.bin"), field(der, 3, ASN1BitString.class).getOctets());
    Pem.writePrivateKey(dir.resolve("signing-key.pem"), SIGNING.getPrivate());

    OpenSslCommand.run(
        dir,
        "pkeyutl",
        "-decrypt",
        "-inkey",
        "signing-key.pem",
        "-in",
        "key.der",
        "-out",
        "sm4.key");
    byte[] sm4Key = Files.readAllBytes(dir.resolve("sm4.key"));
    assertEquals(16, sm4Key.length);
    OpenSslCommand.run(
        dir,
        "enc",
        "-d",
        "-sm4-ecb",
        "-nopad",
        "-K",
        Hex.toHexString(sm4Key),
        "-in",
        "enc.bin",
        "-out",
        "d.bin");

    assertArrayEquals(
        BigIntegers.asUnsignedByteArray(32, d(ENCRYPTION.getPrivate())),
        Files.readAllBytes(dir.resolve("d.bin")));
  }

  /** What other implementations write: NULL parameters, the bare SM4 OID, the SKF 64-octet d. */
  @Test
  void opensTheLenientVariants() throws Exception {
    byte[] sm4Key = new byte[16];
    RANDOM.nextBytes(sm4Key);
    byte[] d64 =
        Arrays.concatenate(
            new byte[32], BigIntegers.asUnsignedByteArray(32, d(ENCRYPTION.getPrivate())));
    byte[] der =
        new DERSequence(
                new ASN1Encodable[] {
                  new AlgorithmIdentifier(Sm2EnvelopedKey.SM4, DERNull.INSTANCE),
                  ASN1Primitive.fromByteArray(Sm2Cipher.encrypt(SIGNING.getPublic(), sm4Key)),
                  field(seal(), 2, ASN1BitString.class),
                  new DERBitString(Sm4Ecb.encrypt(sm4Key, d64))
                })
            .getEncoded();

    KeyPair opened = Sm2EnvelopedKey.open(der, SIGNING.getPrivate());

    assertEquals(d(ENCRYPTION.getPrivate()), d(opened.getPrivate()));
  }

  @Test
  void anotherSymmetricAlgorithmIsRefused() throws Exception {
    byte[] cbc =
        replace(
            seal(), 0, new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.156.10197.1.104.2")));

    KmcCryptoException e =
        assertThrows(
            KmcCryptoException.class, () -> Sm2EnvelopedKey.open(cbc, SIGNING.getPrivate()));
    assertTrue(e.getMessage().contains("is not SM4-ECB"), e.getMessage());
  }

  @Test
  void malformedEnvelopesAreRefused() throws Exception {
    byte[] der = seal();
    ASN1Sequence envelope = ASN1Sequence.getInstance(der);

    assertRefused(new byte[0], "empty");
    assertRefused(Arrays.append(der, (byte) 0), "not DER");
    assertRefused(
        new DERSequence(
                new ASN1Encodable[] {
                  envelope.getObjectAt(0), envelope.getObjectAt(1), envelope.getObjectAt(2)
                })
            .getEncoded(),
        "must be a SEQUENCE of");
    assertRefused(
        replace(der, 2, new DERBitString(new byte[] {4, 1, 2})), "Sm2PublicKey must be 04||X||Y");
    assertRefused(replace(der, 3, new DERBitString(new byte[32], 3)), "BIT STRING of whole octets");
    assertRefused(replace(der, 3, new DERBitString(new byte[48])), "must be 32 octets");
    assertRefused(replace(der, 1, new DERBitString(new byte[8])), "SM2Cipher SEQUENCE");
    assertRefused(
        replace(der, 0, new AlgorithmIdentifier(Sm2EnvelopedKey.SM4_ECB, new ASN1Integer(1))),
        "no parameters");
  }

  @Test
  void sealRefusesKeysThatDoNotBelongTogether() {
    KeyPair other = EncryptionKeyPairs.generate(RANDOM);

    assertThrows(
        IllegalArgumentException.class,
        () ->
            Sm2EnvelopedKey.seal(
                other.getPrivate(), ENCRYPTION.getPublic(), SIGNING.getPublic(), RANDOM));
  }

  private static void assertRefused(byte[] der, String reason) {
    KmcCryptoException e =
        assertThrows(
            KmcCryptoException.class, () -> Sm2EnvelopedKey.open(der, SIGNING.getPrivate()));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  private static <T> T field(byte[] der, int index, Class<T> type) {
    return type.cast(ASN1Sequence.getInstance(der).getObjectAt(index));
  }

  private static byte[] replace(byte[] der, int index, ASN1Encodable value) throws Exception {
    ASN1Sequence envelope = ASN1Sequence.getInstance(der);
    ASN1EncodableVector fields = new ASN1EncodableVector();
    for (int i = 0; i < envelope.size(); i++) {
      fields.add(i == index ? value : envelope.getObjectAt(i));
    }
    return new DERSequence(fields).getEncoded();
  }
}
