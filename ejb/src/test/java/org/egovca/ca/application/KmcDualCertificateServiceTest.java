package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.demoRa;
import static org.egovca.ca.application.CaServiceFixtures.personal;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.KeyPair;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.application.port.KeyManagementCenter;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.kmc.protocol.EnvelopedKeys;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dual certificates through the KMC's own core over GM/T 0014 (the service tier runs it
 * in-process): the holder opens the envelope with the signing private key and finds the key pair of
 * the encryption certificate; the escrowed key is recovered under another key, also after its
 * revocation; an unknown certificate is refused by the KMC.
 */
@ExtendWith(ServiceTier.class)
class KmcDualCertificateServiceTest {

  @Inject RemoteRaService service;
  @Inject KeyManagementCenter kmc;

  @Test
  void theHolderOpensTheEnvelopeAndFindsTheEncryptionCertificatesKey() throws Exception {
    KeyPair signing = TestKeys.sm2KeyPair();
    DualCertificateView pair =
        service.issueDualCertificate(demoRa(), personal(unique("Kmc "), signing));

    KeyPair encryption = EnvelopedKeys.open(pair.envelopedPrivateKey(), signing.getPrivate());

    assertArrayEquals(
        new X509CertificateHolder(pair.encryptionCertificate().encoded())
            .getSubjectPublicKeyInfo()
            .getEncoded(),
        encryption.getPublic().getEncoded());
  }

  @Test
  void theEscrowedKeyIsRecoveredUnderAnotherKeyAlsoAfterItsRevocation() throws Exception {
    KeyPair signing = TestKeys.sm2KeyPair();
    DualCertificateView pair =
        service.issueDualCertificate(demoRa(), personal(unique("Kmc "), signing));
    BigInteger serial = new BigInteger(pair.encryptionCertificate().serialNumberHex(), 16);
    KeyPair delivered = EnvelopedKeys.open(pair.envelopedPrivateKey(), signing.getPrivate());
    KeyPair newSigning = TestKeys.sm2KeyPair();

    KeyPair recovered =
        EnvelopedKeys.open(
            kmc.recoverEncryptionKey(serial, newSigning.getPublic()), newSigning.getPrivate());
    kmc.revokeEncryptionKey(serial);
    KeyPair recoveredAfterRevocation =
        EnvelopedKeys.open(
            kmc.recoverEncryptionKey(serial, newSigning.getPublic()), newSigning.getPrivate());

    assertArrayEquals(delivered.getPrivate().getEncoded(), recovered.getPrivate().getEncoded());
    assertArrayEquals(
        delivered.getPrivate().getEncoded(), recoveredAfterRevocation.getPrivate().getEncoded());
  }

  @Test
  void aKeyTheKmcDoesNotHoldIsRefusedByTheKmc() {
    refused(
        RefusalCode.KMC_REFUSED,
        "no key is escrowed for encryption certificate",
        () ->
            kmc.recoverEncryptionKey(BigInteger.valueOf(12345), TestKeys.sm2KeyPair().getPublic()));
  }

  @Test
  void eachEndPinnedTheOthersProtocolCertificate() {
    service.issueDualCertificate(demoRa(), personal(unique("Kmc "), TestKeys.sm2KeyPair()));

    assertEquals(
        true,
        Files.exists(ServiceTier.dataDirectory().resolve("kmc-client").resolve("trusted-kmc.pem")));
    assertEquals(
        true, Files.exists(ServiceTier.dataDirectory().resolve("kmc").resolve("trusted-ca.pem")));
  }
}
