package org.egovca.kmc.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.kmc.protocol.testing.OpenSslCommand;
import org.egovca.kmc.protocol.testing.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionKeyPairsTest {

  private static final AlgorithmIdentifier EC_ON_SM2 =
      new AlgorithmIdentifier(
          new ASN1ObjectIdentifier("1.2.840.10045.2.1"),
          new ASN1ObjectIdentifier("1.2.156.10197.1.301"));

  private final KeyPair keys = EncryptionKeyPairs.generate(new SecureRandom());

  @Test
  void publicKeyIsASubjectPublicKeyInfoOnTheSm2Curve() {
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());

    assertEquals("X.509", keys.getPublic().getFormat());
    assertEquals(EC_ON_SM2, info.getAlgorithm());
    byte[] point = info.getPublicKeyData().getOctets();
    assertEquals(65, point.length);
    assertEquals(0x04, point[0]);
  }

  @Test
  void privateKeyIsPkcs8AndMatchesThePublicKey() throws Exception {
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());

    assertEquals("PKCS#8", keys.getPrivate().getFormat());
    assertEquals(EC_ON_SM2, info.getPrivateKeyAlgorithm());
    BigInteger d = ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
    assertTrue(Sm2Keys.isValidPrivateValue(d));
    assertArrayEquals(
        SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded())
            .getPublicKeyData()
            .getOctets(),
        Sm2Keys.uncompressed(Sm2Keys.publicPointOf(d)));
  }

  @Test
  void everyPairIsNew() {
    KeyPair other = EncryptionKeyPairs.generate(new SecureRandom());

    assertNotEquals(
        Sm2Keys.privateParameters(keys.getPrivate()).getD(),
        Sm2Keys.privateParameters(other.getPrivate()).getD());
  }

  /** OpenSSL 3 reads the PKCS#8 file as an SM2 key and derives the same public key from it. */
  @Test
  void openSslReadsThePairAsSm2(@TempDir Path dir) throws Exception {
    Pem.writePrivateKey(dir.resolve("key.pem"), keys.getPrivate());
    Pem.writePublicKey(dir.resolve("pub.pem"), keys.getPublic());

    String text = OpenSslCommand.run(dir, "pkey", "-in", "key.pem", "-noout", "-text");
    OpenSslCommand.run(dir, "pkey", "-in", "key.pem", "-pubout", "-out", "derived.pem");

    assertTrue(text.contains("SM2"), text);
    assertEquals(
        Files.readString(dir.resolve("pub.pem")), Files.readString(dir.resolve("derived.pem")));
  }
}
