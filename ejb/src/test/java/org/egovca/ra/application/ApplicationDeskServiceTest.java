package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.applicationForm;
import static org.egovca.ra.application.RaServiceFixtures.idScan;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.egovca.ra.application.RaServiceFixtures.submittedApplication;
import static org.egovca.ra.application.RaServiceFixtures.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.ApplicationKind;
import org.egovca.ra.domain.DocumentKind;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.RejectionReason;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The entry of applications, through the desk's own methods only: the form's field checks have unit
 * tests of their own.
 */
@ExtendWith(ServiceTier.class)
class ApplicationDeskServiceTest {

  @Inject ApplicationDesk desk;
  @Inject ApplicationReview review;
  @Inject RaQueries queries;

  private List<ApplicationSummary> applicationsNamed(String name) {
    return queries.applications(
        shared(OperatorRole.REVIEWER).token(), new ApplicationSearch(name, null, null, null, null));
  }

  @Test
  void aCompleteApplicationIsEnteredAndWaitsForItsDecision() {
    String name = uniqueName("Applicant ");
    long id =
        desk.submit(
            shared(OperatorRole.ENTRY_CLERK).token(), applicationForm(name, null), idScan());
    assertEquals(List.of(id), applicationsNamed(name).stream().map(a -> a.id()).toList());
  }

  @Test
  void aReviewerCannotEnterAnApplicationAndNothingIsWritten() {
    String name = uniqueName("Applicant ");
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                desk.submit(
                    shared(OperatorRole.REVIEWER).token(), applicationForm(name, null), idScan()));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertTrue(applicationsNamed(name).isEmpty());
  }

  @Test
  void anApplicationWithoutTheRequiredScanIsRefusedNamingItAndNothingIsWritten() {
    String name = uniqueName("Applicant ");
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                desk.submit(
                    shared(OperatorRole.ENTRY_CLERK).token(),
                    applicationForm(name, null),
                    List.of()));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("documents", refused.problems().get(0).field());
    assertEquals("document.missing", refused.problems().get(0).key());
    assertTrue(applicationsNamed(name).isEmpty());
  }

  @Test
  void aProfileNoRemoteRaMayApplyForIsRefusedNamingTheField() {
    ApplicationForm good = applicationForm(uniqueName("Applicant "), null);
    ApplicationForm form = good;
    form.setProfile("tls-client");
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> desk.submit(shared(OperatorRole.ENTRY_CLERK).token(), form, idScan()));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertTrue(
        refused.problems().stream().anyMatch(problem -> "profile".equals(problem.field())),
        refused.problems().toString());
  }

  @Test
  void aChangeApplicationMustBeARenewalReKeyOrRevocation() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                desk.requestChange(
                    shared(OperatorRole.ENTRY_CLERK).token(),
                    ApplicationKind.ISSUE,
                    revocationOf("01"),
                    List.of()));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("kind", refused.problems().get(0).field());
  }

  @Test
  void anOperatorsLoginCertificateIsNoApplicationsObjectAndTheAttemptIsAudited() {
    String serial =
        RaServiceFixtures.stored(shared(OperatorRole.AUDITOR).username)
            .getCertificate()
            .getSerialNumberHex();
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                desk.requestChange(
                    shared(OperatorRole.ENTRY_CLERK).token(),
                    ApplicationKind.REVOKE,
                    revocationOf(serial),
                    List.of()));
    assertTrue(
        refused.problems().stream().anyMatch(p -> p.key().equals("certificate.service")),
        refused.problems().toString());
    assertTrue(
        RaServiceFixtures.auditEvents(AuditAction.APPLICATION_SUBMITTED, "serial=" + serial)
            .stream()
            .allMatch(event -> event.getOutcome() == AuditOutcome.DENIED));
  }

  @Test
  void anUnknownCertificateIsNamedAsTheSerialNumberField() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                desk.requestChange(
                    shared(OperatorRole.ENTRY_CLERK).token(),
                    ApplicationKind.REVOKE,
                    revocationOf("not-hex"),
                    List.of()));
    assertTrue(
        refused.problems().stream().anyMatch(p -> "serialNumber".equals(p.field())),
        refused.problems().toString());
  }

  @Test
  void anInvalidChangeApplicationIsRefusedWithEveryProblemAndWritesNothing() {
    String serialNumber =
        review
            .approve(shared(OperatorRole.REVIEWER).token(), submittedApplication(null), null)
            .certificateSerial();
    String requester = uniqueName("Requester ");
    ChangeApplicationForm form = revocationOf(serialNumber);
    form.setRequesterName(requester);
    form.setRevocationReason("SUPERSEDED");
    form.setEmail("not-an-address");
    String clerk = shared(OperatorRole.ENTRY_CLERK).token();

    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> desk.requestChange(clerk, ApplicationKind.REVOKE, form, List.of()));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals(
        List.of("revocationReason change.reason", "email field.email"),
        refused.problems().stream().map(p -> p.field() + " " + p.key()).toList());
    assertTrue(applicationsNamed(requester).isEmpty());

    form.setRevocationReason("E");
    form.setEmail("requester@example.cn");
    long id = desk.requestChange(clerk, ApplicationKind.REVOKE, form, List.of());
    assertEquals(List.of(id), applicationsNamed(requester).stream().map(a -> a.id()).toList());
  }

  @Test
  void noDocumentIsAddedToAnUnknownOrDecidedApplication() {
    String token = shared(OperatorRole.ENTRY_CLERK).token();
    DocumentUpload scan = idScan().get(0);
    Refusal unknown =
        assertThrows(Refusal.class, () -> desk.addDocument(token, Long.MAX_VALUE, scan));
    assertEquals(RefusalCode.NOT_FOUND, unknown.code());

    long id = RaServiceFixtures.submittedApplication(null);
    review.reject(
        shared(OperatorRole.REVIEWER).token(), id, RejectionReason.values()[0], "incomplete");
    Refusal decided = assertThrows(Refusal.class, () -> desk.addDocument(token, id, scan));
    assertEquals(RefusalCode.WRONG_STATE, decided.code());
    assertEquals("application.alreadyDecided", decided.problems().get(0).key());
    assertEquals(
        List.of(DocumentKind.ID_DOCUMENT),
        queries.application(shared(OperatorRole.REVIEWER).token(), id).documents().stream()
            .map(ApplicationDetail.Document::kind)
            .toList());
  }

  @Test
  void noDocumentAtAllIsRefusedNamingTheDocumentsAndNothingIsAdded() {
    long id = RaServiceFixtures.submittedApplication(null);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> desk.addDocument(shared(OperatorRole.ENTRY_CLERK).token(), id, null));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("documents", refused.problems().get(0).field());
    assertEquals("document.noFile", refused.problems().get(0).key());
    assertEquals(
        1, queries.application(shared(OperatorRole.REVIEWER).token(), id).documents().size());
  }

  private static ChangeApplicationForm revocationOf(String serialNumber) {
    ChangeApplicationForm form = new ChangeApplicationForm();
    form.setSerialNumber(serialNumber);
    form.setRevocationReason("E");
    form.setInitiator("RA");
    form.setRequesterName("Requester Name");
    form.setEmail("requester@example.cn");
    form.setPhone("+86 10 1234 5678");
    return form;
  }
}
