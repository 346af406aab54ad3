package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.auditEvents;
import static org.egovca.ca.application.CaServiceFixtures.certificatesNamed;
import static org.egovca.ca.application.CaServiceFixtures.demoRa;
import static org.egovca.ca.application.CaServiceFixtures.personal;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A subject DN and key usage belong to one holder while their certificate is valid (R4). */
@ExtendWith(ServiceTier.class)
class SubjectNameUniquenessServiceTest {

  @Inject RemoteRaService service;

  @Test
  void aSecondHolderOfAValidCertificatesDnIsRefusedNamingThatCertificate() {
    String cn = unique("Taken ");
    CertificateView first = service.issueCertificate(demoRa(), personal(cn, TestKeys.sm2KeyPair()));

    refused(
        RefusalCode.INVALID_SUBJECT,
        "already belongs to the holder of certificate " + first.serialNumberHex(),
        () -> service.issueCertificate(demoRa(), personal(cn, TestKeys.sm2KeyPair())));

    assertEquals(1, certificatesNamed(cn));
    assertEquals(1, auditEvents(cn, AuditOutcome.FAILURE));
  }

  @Test
  void aDualRequestForADnWhoseSigningCertificateIsValidIsRefused() {
    String cn = unique("Dual taken ");
    service.issueCertificate(demoRa(), personal(cn, TestKeys.sm2KeyPair()));

    refused(
        RefusalCode.INVALID_SUBJECT,
        "a different holder needs a distinguishing attribute",
        () -> service.issueDualCertificate(demoRa(), personal(cn, TestKeys.sm2KeyPair())));
    assertEquals(1, certificatesNamed(cn));
  }

  @Test
  void theDnIsFreeAgainOnceItsCertificateIsRevoked() {
    String cn = unique("Freed ");
    CertificateView first = service.issueCertificate(demoRa(), personal(cn, TestKeys.sm2KeyPair()));
    service.revokeCertificate(demoRa(), first.serialNumberHex(), "H", "HOLDER");

    service.issueCertificate(demoRa(), personal(cn, TestKeys.sm2KeyPair()));

    assertEquals(2, certificatesNamed(cn));
  }
}
