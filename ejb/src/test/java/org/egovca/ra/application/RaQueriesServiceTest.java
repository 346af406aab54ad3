package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.egovca.ra.application.RaServiceFixtures.submittedApplication;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.Application;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who reads what (CPS 6.3.2): one denial per group of reads, the unit administrator's fence, and
 * what is not there.
 */
@ExtendWith(ServiceTier.class)
class RaQueriesServiceTest {

  @Inject RaQueries queries;

  private static void notFound(Refusal refused, String key) {
    assertEquals(
        key.startsWith("certificate.") ? RefusalCode.UNKNOWN_CERTIFICATE : RefusalCode.NOT_FOUND,
        refused.code());
    assertEquals(key, refused.problems().get(0).key());
  }

  @Test
  void aSecurityAdministratorReadsNoApplications() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> queries.applications(RaServiceFixtures.admin().token(), ApplicationSearch.all()));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertTrue(refused.getMessage().contains("VIEW_APPLICATIONS"), refused.getMessage());
  }

  @Test
  void onlyTheAuditorReadsTheAuditTrail() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> queries.auditTrail(shared(OperatorRole.REVIEWER).token(), null, 10));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertFalse(queries.auditTrail(shared(OperatorRole.AUDITOR).token(), null, 10).isEmpty());
  }

  @Test
  void anAuditorReadsNoCertificates() {
    Refusal refused =
        assertThrows(
            Refusal.class, () -> queries.certificates(shared(OperatorRole.AUDITOR).token(), null));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
  }

  @Test
  void aUnitAdministratorReadsNoApplicationOfAnotherUnitAndTheAttemptIsAudited() {
    Staff unitAdmin = shared(OperatorRole.UNIT_ADMIN);
    long id = submittedApplication(null);
    Refusal refused = assertThrows(Refusal.class, () -> queries.application(unitAdmin.token(), id));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertEquals("access.otherUnit", refused.problems().get(0).key());
    assertEquals(
        AuditOutcome.DENIED,
        RaServiceFixtures.auditEvents(AuditAction.APPLICATION_VIEWED, Application.reference(id))
            .get(0)
            .getOutcome());
  }

  @Test
  void aUnitAdministratorReadsTheApplicationsOfTheirUnit() {
    Staff unitAdmin = shared(OperatorRole.UNIT_ADMIN);
    String unit = RaServiceFixtures.stored(unitAdmin.username).getApplicationUnit().getCode();
    long id = submittedApplication(unit);
    assertEquals(id, queries.application(unitAdmin.token(), id).summary().id());
  }

  @Test
  void aUnitAdministratorReadsNoCertificateOutsideTheirUnit() {
    String serial =
        RaServiceFixtures.stored(shared(OperatorRole.AUDITOR).username)
            .getCertificate()
            .getSerialNumberHex();
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> queries.certificate(shared(OperatorRole.UNIT_ADMIN).token(), serial));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertEquals("access.otherUnit", refused.problems().get(0).key());
  }

  @Test
  void whatIsNotThereIsNotFound() {
    String token = shared(OperatorRole.REVIEWER).token();
    notFound(
        assertThrows(Refusal.class, () -> queries.application(token, Long.MAX_VALUE)),
        "application.notFound");
    notFound(
        assertThrows(Refusal.class, () -> queries.document(token, Long.MAX_VALUE)),
        "document.notFound");
    notFound(
        assertThrows(Refusal.class, () -> queries.certificate(token, "7fffffffffff")),
        "certificate.notFound");
    long id = submittedApplication(null);
    notFound(
        assertThrows(Refusal.class, () -> queries.envelopedKey(token, id)),
        "application.noEnvelope");
  }

  @Test
  void aSearchTextLongerThanTheLimitIsRefusedNamingIt() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                queries.applications(
                    shared(OperatorRole.REVIEWER).token(),
                    new ApplicationSearch("x".repeat(129), null, null, null, null)));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("text", refused.problems().get(0).field());
  }

  @Test
  void aUnitAdministratorReadsNoDocumentOrKeyEnvelopeOfAnotherUnitAndEachAttemptIsAudited() {
    Staff unitAdmin = shared(OperatorRole.UNIT_ADMIN);
    long id = submittedApplication(null);
    long document =
        queries.application(shared(OperatorRole.REVIEWER).token(), id).documents().get(0).id();

    Refusal scan = assertThrows(Refusal.class, () -> queries.document(unitAdmin.token(), document));
    assertEquals(RefusalCode.NOT_AUTHORIZED, scan.code());
    assertEquals("access.otherUnit", scan.problems().get(0).key());
    Refusal envelope =
        assertThrows(Refusal.class, () -> queries.envelopedKey(unitAdmin.token(), id));
    assertEquals(RefusalCode.NOT_AUTHORIZED, envelope.code());
    assertEquals("access.otherUnit", envelope.problems().get(0).key());

    for (AuditAction action :
        new AuditAction[] {AuditAction.DOCUMENT_VIEWED, AuditAction.ENVELOPED_KEY_DOWNLOADED}) {
      assertEquals(
          List.of(AuditOutcome.DENIED),
          RaServiceFixtures.auditEvents(action, Application.reference(id)).stream()
              .map(event -> event.getOutcome())
              .toList(),
          action.name());
    }
  }

  @Test
  void aCertificateSearchCriterionLongerThanItsLimitIsRefusedNamingIt() {
    String token = shared(OperatorRole.REVIEWER).token();
    for (CertificateSearch search :
        List.of(
            new CertificateSearch("x".repeat(129), null, null, null, null, null),
            new CertificateSearch(null, "1".repeat(65), null, null, null, null),
            new CertificateSearch(null, null, "1".repeat(33), null, null, null))) {
      Refusal refused = assertThrows(Refusal.class, () -> queries.certificates(token, search));
      assertEquals(RefusalCode.INVALID_INPUT, refused.code());
      assertEquals("field.tooLong", refused.problems().get(0).key());
      String field =
          search.subject() != null ? "subject" : search.serial() != null ? "serial" : "idNumber";
      assertEquals(field, refused.problems().get(0).field());
    }
  }

  @Test
  void anAuditTrailFilterTooLongOrWithControlCharactersIsRefusedNamingIt() {
    String token = shared(OperatorRole.AUDITOR).token();
    Refusal tooLong =
        assertThrows(Refusal.class, () -> queries.auditTrail(token, "x".repeat(129), 10));
    assertEquals(RefusalCode.INVALID_INPUT, tooLong.code());
    assertEquals("text", tooLong.problems().get(0).field());
    assertEquals("field.tooLong", tooLong.problems().get(0).key());
    Refusal control =
        assertThrows(Refusal.class, () -> queries.auditTrail(token, "operator:\u0007admin", 10));
    assertEquals(RefusalCode.INVALID_INPUT, control.code());
    assertEquals("text", control.problems().get(0).field());
    assertEquals("field.controlCharacters", control.problems().get(0).key());
  }

  @Test
  void theSearchesUseTheServicesClock() {
    // a search moved past the session's idle time is refused like any other call
    String token = shared(OperatorRole.REVIEWER).freshToken();
    ServiceTier.clock().advance(org.egovca.ra.domain.OperatorSession.IDLE_TIMEOUT.plusMinutes(1));
    Refusal refused = assertThrows(Refusal.class, () -> queries.workload(token));
    assertEquals(RefusalCode.SESSION_ENDED, refused.code());
  }
}
