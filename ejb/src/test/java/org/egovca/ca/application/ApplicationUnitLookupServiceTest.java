package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.auditEvents;
import static org.egovca.ca.application.CaServiceFixtures.certificatesNamed;
import static org.egovca.ca.application.CaServiceFixtures.demoRa;
import static org.egovca.ca.application.CaServiceFixtures.personal;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.util.List;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A request naming an application unit that does not exist. */
@ExtendWith(ServiceTier.class)
class ApplicationUnitLookupServiceTest {

  @Inject ApplicationUnitLookup units;
  @Inject RemoteRaService service;

  @Test
  void anUnknownUnitCodeIsRefusedNamingIt() {
    String code = unique("NONE-");

    refused(
        RefusalCode.UNKNOWN_APPLICATION_UNIT,
        "there is no application unit with the code '" + code + "'",
        () -> ServiceTier.inTransaction(em -> units.idOf(code)));
  }

  @Test
  void aRemoteRaRequestForAnUnknownUnitIsAFailureNotADenial() {
    String cn = unique("No unit ");
    String code = unique("NONE-");
    IssuanceRequest request =
        new IssuanceRequest(
            "personal-sign",
            "CN=" + cn,
            personal(cn, TestKeys.sm2KeyPair()).pkcs10(),
            List.of(),
            List.of(),
            code,
            true);

    refused(
        RefusalCode.UNKNOWN_APPLICATION_UNIT,
        code,
        () -> service.issueCertificate(demoRa(), request));

    assertEquals(0, certificatesNamed(cn));
    assertEquals(1, auditEvents(cn, AuditOutcome.FAILURE));
    assertEquals(0, auditEvents(cn, AuditOutcome.DENIED));
  }
}
