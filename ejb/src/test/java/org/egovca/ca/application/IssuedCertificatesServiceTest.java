package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.demoRa;
import static org.egovca.ca.application.CaServiceFixtures.personal;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.unique;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The serial numbers {@link IssuedCertificates} finds no single certificate for. */
@ExtendWith(ServiceTier.class)
class IssuedCertificatesServiceTest {

  @Inject IssuedCertificates certificates;
  @Inject RemoteRaService service;
  @Inject CertificateAuthorities authorities;

  @ParameterizedTest
  @NullSource
  @ValueSource(longs = {0, -1})
  void aSerialThatIsNotPositiveIsRefused(Long serial) {
    BigInteger value = serial == null ? null : BigInteger.valueOf(serial);

    refused(
        RefusalCode.UNKNOWN_CERTIFICATE,
        "serialNumber must be a positive hexadecimal certificate serial number",
        () -> certificates.find(value));
  }

  @Test
  void aSerialNoCaOfThisSystemIssuedIsRefused() {
    BigInteger serial = new BigInteger(120, new SecureRandom()).setBit(119);

    refused(
        RefusalCode.UNKNOWN_CERTIFICATE,
        "no certificate with serial " + serial.toString(16),
        () -> certificates.find(serial));
  }

  @Test
  void aSerialTwoCasIssuedIsRefusedAsAmbiguous() {
    CertificateView issued =
        service.issueCertificate(demoRa(), personal(unique("Ambiguous "), TestKeys.sm2KeyPair()));
    BigInteger serial = new BigInteger(issued.serialNumberHex(), 16);
    byte[] fingerprint = new byte[32];
    new SecureRandom().nextBytes(fingerprint);
    ServiceTier.inTransaction(
        em -> {
          em.persist(
              new IssuedCertificate(
                  authorities.byName("iFutureCA-RSA").orElseThrow(),
                  serial,
                  issued.subjectDn(),
                  issued.profile(),
                  1,
                  issued.keyAlgorithm(),
                  issued.notBefore(),
                  issued.notAfter(),
                  fingerprint,
                  issued.encoded(),
                  "service-test",
                  issued.issuedAt()));
          return null;
        });

    refused(
        RefusalCode.UNKNOWN_CERTIFICATE,
        "serial " + serial.toString(16) + " is ambiguous across this system's CAs",
        () -> certificates.find(serial));
  }
}
