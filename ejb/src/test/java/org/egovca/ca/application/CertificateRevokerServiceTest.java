package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.auditEvents;
import static org.egovca.ca.application.CaServiceFixtures.demoRa;
import static org.egovca.ca.application.CaServiceFixtures.personal;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.time.Duration;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What {@link CertificateRevoker} refuses: a second revocation, and one after expiry. */
@ExtendWith(ServiceTier.class)
class CertificateRevokerServiceTest {

  @Inject RemoteRaService service;

  @Test
  void aCertificateRevokedAlreadyIsNotRevokedAgain() {
    CertificateView issued =
        service.issueCertificate(demoRa(), personal(unique("Twice "), TestKeys.sm2KeyPair()));
    String serial = issued.serialNumberHex();
    service.revokeCertificate(demoRa(), serial, "E", "HOLDER");

    refused(
        RefusalCode.INVALID_REVOCATION,
        "was already revoked at",
        () -> service.revokeCertificate(demoRa(), serial, "A", "RA"));

    assertEquals(1, auditEvents(serial, AuditOutcome.FAILURE));
    assertEquals(CertificateStatus.REVOKED, RemoteRaServiceTest.statusOf(serial));
  }

  @Test
  void anExpiredCertificateIsNotRevoked() {
    CertificateView issued =
        service.issueCertificate(demoRa(), personal(unique("Expired "), TestKeys.sm2KeyPair()));
    ServiceTier.clock().advance(Duration.ofDays(400));

    refused(
        RefusalCode.INVALID_REVOCATION,
        "expired at",
        () -> service.revokeCertificate(demoRa(), issued.serialNumberHex(), "E", "HOLDER"));
    assertEquals(CertificateStatus.GOOD, RemoteRaServiceTest.statusOf(issued.serialNumberHex()));
  }
}
