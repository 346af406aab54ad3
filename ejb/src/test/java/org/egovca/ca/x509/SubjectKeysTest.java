package org.egovca.ca.x509;

import static org.egovca.ca.testing.TestKeys.spki;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.egovca.ca.testing.TestKeys;
import org.egovca.hsm.KeyAlgorithm;
import org.junit.jupiter.api.Test;

class SubjectKeysTest {

  @Test
  void recognisesSm2Key() {
    SubjectPublicKeyInfo key = spki(TestKeys.sm2KeyPair().getPublic());

    assertEquals(Optional.of(KeyAlgorithm.SM2_256), SubjectKeys.algorithmOf(key));
    assertEquals("EC key on curve 1.2.156.10197.1.301", SubjectKeys.describe(key));
  }

  @Test
  void recognisesRsa2048Key() {
    SubjectPublicKeyInfo key = spki(TestKeys.rsaKeyPair(2048).getPublic());

    assertEquals(Optional.of(KeyAlgorithm.RSA_2048), SubjectKeys.algorithmOf(key));
    assertEquals("RSA 2048-bit key", SubjectKeys.describe(key));
  }

  @Test
  void recognisesRsa1024Key() {
    SubjectPublicKeyInfo key = spki(TestKeys.rsaKeyPair(1024).getPublic());

    assertEquals(Optional.of(KeyAlgorithm.RSA_1024), SubjectKeys.algorithmOf(key));
    assertEquals("RSA 1024-bit key", SubjectKeys.describe(key));
  }

  @Test
  void doesNotIssueForEcP256Key() {
    SubjectPublicKeyInfo key = spki(TestKeys.ecKeyPair("secp256r1").getPublic());

    assertEquals(Optional.empty(), SubjectKeys.algorithmOf(key));
    assertEquals("EC key on curve 1.2.840.10045.3.1.7", SubjectKeys.describe(key));
  }

  @Test
  void doesNotIssueForRsa3072Key() {
    SubjectPublicKeyInfo key = spki(TestKeys.rsaKeyPair(3072).getPublic());

    assertEquals(Optional.empty(), SubjectKeys.algorithmOf(key));
    assertEquals("RSA 3072-bit key", SubjectKeys.describe(key));
  }

  @Test
  void doesNotIssueForOtherAlgorithmsAndNamesTheirOid() {
    SubjectPublicKeyInfo key =
        new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new byte[32]);

    assertEquals(Optional.empty(), SubjectKeys.algorithmOf(key));
    assertEquals("key of algorithm 1.3.101.112", SubjectKeys.describe(key));
  }

  @Test
  void rsaKeyWhoseBitStringIsNotAnRsaPublicKeyIsNotRecognised() throws Exception {
    SubjectPublicKeyInfo key =
        new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
            new DERSequence());

    assertEquals(Optional.empty(), SubjectKeys.algorithmOf(key));
  }

  @Test
  void ecKeyWithoutNamedCurveIsNotRecognised() {
    SubjectPublicKeyInfo key =
        new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, DERNull.INSTANCE),
            new byte[65]);

    assertEquals(Optional.empty(), SubjectKeys.algorithmOf(key));
  }
}
