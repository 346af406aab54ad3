package org.egovca.kmc.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.egovca.kmc.protocol.asn1.GmAlgorithms;
import org.egovca.kmc.protocol.asn1.SM2EnvelopedKey;
import org.egovca.kmc.protocol.testing.OpenSslCommand;
import org.egovca.kmc.protocol.testing.Pem;
import org.egovca.kmc.protocol.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopedKeysTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The holder's signing pair, made by the BC JCA provider as a holder's client might. */
  private static final KeyPair SIGNING = TestKeys.sm2KeyPair();

  /** The KMC's encryption pair for that holder. */
  private static final KeyPair ENCRYPTION = EncryptionKeyPairs.generate(RANDOM);

  private static byte[] seal() {
    return der(
        EnvelopedKeys.envelope(
            ENCRYPTION.getPrivate(), ENCRYPTION.getPublic(), SIGNING.getPublic(), RANDOM));
  }

  private static BigInteger d(PrivateKey key) {
    return Sm2Keys.privateParameters(key).getD();
  }

  @Test
  void openingWithTheSigningKeyReturnsTheEncryptionKeyPair() throws Exception {
    KeyPair opened = EnvelopedKeys.open(seal(), SIGNING.getPrivate());

    assertArrayEquals(ENCRYPTION.getPublic().getEncoded(), opened.getPublic().getEncoded());
    assertEquals(d(ENCRYPTION.getPrivate()), d(opened.getPrivate()));
    assertEquals("X.509", opened.getPublic().getFormat());
    assertEquals("PKCS#8", opened.getPrivate().getFormat());
  }

  /** The KMC reads the holder's key from AppUserInfo.userPubKey, a SubjectPublicKeyInfo. */
  @Test
  void sealsToASubjectPublicKeyInfo() throws Exception {
    SM2EnvelopedKey envelope =
        EnvelopedKeys.envelope(
            ENCRYPTION.getPrivate(),
            ENCRYPTION.getPublic(),
            TestKeys.spki(SIGNING.getPublic()),
            RANDOM);

    assertEquals(
        d(ENCRYPTION.getPrivate()),
        d(EnvelopedKeys.open(envelope, SIGNING.getPrivate()).getPrivate()));
  }

  @Test
  void anotherKeyCannotOpen() {
    byte[] der = seal();

    // the encryption key itself is the most tempting wrong key
    KmcCryptoException e =
        assertThrows(
            KmcCryptoException.class, () -> EnvelopedKeys.open(der, ENCRYPTION.getPrivate()));
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
            KmcCryptoException.class, () -> EnvelopedKeys.open(altered, SIGNING.getPrivate()));
    assertTrue(e.getMessage().contains("does not match Sm2PublicKey"), e.getMessage());
  }

  @Test
  void substitutedPublicKeyIsDetected() throws Exception {
    byte[] other = point(EncryptionKeyPairs.generate(RANDOM));
    byte[] altered = replace(seal(), 2, new DERBitString(other));

    KmcCryptoException e =
        assertThrows(
            KmcCryptoException.class, () -> EnvelopedKeys.open(altered, SIGNING.getPrivate()));
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

    assertThrows(KmcCryptoException.class, () -> EnvelopedKeys.open(altered, SIGNING.getPrivate()));
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
    assertArrayEquals(point(ENCRYPTION), publicKey.getOctets());
    assertEquals(65, publicKey.getOctets().length);

    // Sm2EncryptedPrivateKey: two SM4 blocks, no padding, and not d in clear
    ASN1BitString encrypted = (ASN1BitString) envelope.getObjectAt(3);
    assertEquals(0, encrypted.getPadBits());
    assertEquals(32, encrypted.getOctets().length);
    assertFalse(
        Arrays.areEqual(
            BigIntegers.asUnsignedByteArray(32, d(ENCRYPTION.getPrivate())),
            encrypted.getOctets()));
  }

  @Test
  void eachSealUsesAFreshSymmetricKey() {
    assertFalse(Arrays.areEqual(seal(), seal()));
  }

  /**
   * The holder's side done by OpenSSL, an independent implementation: SM2-decrypt symEncryptedKey
   * with the signing key (openssl pkeyutl reads the DER SM2Cipher), then SM4-ECB-decrypt
   * Sm2EncryptedPrivateKey with the result, then derive the public key from the recovered d.
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
                  new AlgorithmIdentifier(EnvelopedKeys.SM4, DERNull.INSTANCE),
                  ASN1Primitive.fromByteArray(Sm2Cipher.encrypt(SIGNING.getPublic(), sm4Key)),
                  field(seal(), 2, ASN1BitString.class),
                  new DERBitString(Sm4Ecb.encrypt(sm4Key, d64))
                })
            .getEncoded();

    KeyPair opened = EnvelopedKeys.open(der, SIGNING.getPrivate());

    assertEquals(d(ENCRYPTION.getPrivate()), d(opened.getPrivate()));
  }

  @Test
  void anotherSymmetricAlgorithmIsRefused() throws Exception {
    byte[] cbc =
        replace(
            seal(), 0, new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.156.10197.1.104.2")));

    KmcCryptoException e =
        assertThrows(KmcCryptoException.class, () -> EnvelopedKeys.open(cbc, SIGNING.getPrivate()));
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
        "must have 4 fields");
    assertRefused(
        replace(der, 2, new DERBitString(new byte[] {4, 1, 2})), "Sm2PublicKey must be 04||X||Y");
    assertRefused(replace(der, 3, new DERBitString(new byte[32], 3)), "BIT STRING of whole octets");
    assertRefused(replace(der, 3, new DERBitString(new byte[48])), "must be 32 octets");
    assertRefused(replace(der, 1, new DERBitString(new byte[8])), "must be a SEQUENCE");
    assertRefused(
        replace(
            der,
            0,
            new AlgorithmIdentifier(GmAlgorithms.SM4_ECB.getAlgorithm(), new ASN1Integer(1))),
        "no parameters");
  }

  @Test
  void sealRefusesKeysThatDoNotBelongTogether() {
    KeyPair other = EncryptionKeyPairs.generate(RANDOM);

    assertThrows(
        IllegalArgumentException.class,
        () ->
            EnvelopedKeys.envelope(
                other.getPrivate(), ENCRYPTION.getPublic(), SIGNING.getPublic(), RANDOM));
  }

  /** The CA's check, without the holder's key: the envelope carries retPubKey, in SM4-ECB. */
  @Test
  void checkCarriesAcceptsTheDeliveredKeyAndRefusesAnother() throws Exception {
    SM2EnvelopedKey envelope = SM2EnvelopedKey.getInstance(seal());
    SubjectPublicKeyInfo delivered = TestKeys.spki(ENCRYPTION.getPublic());
    SubjectPublicKeyInfo other = TestKeys.spki(EncryptionKeyPairs.generate(RANDOM).getPublic());

    assertDoesNotThrow(() -> EnvelopedKeys.checkCarries(envelope, delivered));
    KmcCryptoException e =
        assertThrows(KmcCryptoException.class, () -> EnvelopedKeys.checkCarries(envelope, other));
    assertTrue(e.getMessage().contains("not the public key"), e.getMessage());
    SM2EnvelopedKey skfLayout =
        SM2EnvelopedKey.getInstance(replace(seal(), 3, new DERBitString(new byte[64])));
    assertThrows(KmcCryptoException.class, () -> EnvelopedKeys.checkCarries(skfLayout, delivered));
  }

  private static void assertRefused(byte[] der, String reason) {
    KmcCryptoException e =
        assertThrows(KmcCryptoException.class, () -> EnvelopedKeys.open(der, SIGNING.getPrivate()));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  private static byte[] point(KeyPair pair) {
    return TestKeys.spki(pair.getPublic()).getPublicKeyData().getOctets();
  }

  private static byte[] der(SM2EnvelopedKey envelope) {
    try {
      return envelope.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
