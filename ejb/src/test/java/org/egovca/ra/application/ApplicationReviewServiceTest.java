package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.egovca.ra.application.RaServiceFixtures.submittedApplication;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.CertificateType;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.Applicant;
import org.egovca.ra.domain.ApplicantNotice;
import org.egovca.ra.domain.Application;
import org.egovca.ra.domain.ApplicationKind;
import org.egovca.ra.domain.ApplicationState;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.RejectionReason;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The decision of applications: only a reviewer who did not enter it decides, once; a refused
 * decision changes nothing and tells the applicant nothing.
 */
@ExtendWith(ServiceTier.class)
class ApplicationReviewServiceTest {

  @Inject ApplicationReview review;
  @Inject ApplicationDesk desk;
  @Inject OperatorAdministration administration;
  @Inject RaQueries queries;

  private ApplicationState stateOf(long id) {
    return queries.application(shared(OperatorRole.REVIEWER).token(), id).summary().state();
  }

  static long noticesOf(long applicationId) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT COUNT(n) FROM ApplicantNotice n WHERE n.application.id = :id",
                    Long.class)
                .setParameter("id", applicationId)
                .getSingleResult());
  }

  private void unchanged(long id) {
    unchanged(id, List.of());
  }

  /** Still waiting, no notice, and no task queued since {@code tasksBefore} were. */
  private void unchanged(long id, List<String> tasksBefore) {
    assertEquals(ApplicationState.SUBMITTED, stateOf(id));
    assertEquals(0, noticesOf(id));
    assertEquals(tasksBefore, ServiceTier.tasks().waiting());
  }

  /** A refusal of the CA core when the decision was carried out is audited as a failure. */
  private static void failureAudited(AuditAction action, String target) {
    assertTrue(
        RaServiceFixtures.auditEvents(action, target).stream()
            .anyMatch(event -> event.getOutcome() == AuditOutcome.FAILURE),
        action + " " + target);
  }

  /** Approves an application for a new certificate; the certificate's serial. */
  private String approvedCertificate(long id) {
    return review.approve(shared(OperatorRole.REVIEWER).token(), id, null).certificateSerial();
  }

  /**
   * A revocation application for the certificate issued for application {@code issuedFor}, as the
   * shared entry clerk entered it; stored as it is, since this test is about its decision.
   */
  private static long revocationApplication(long issuedFor) {
    return ServiceTier.inTransaction(
        em -> {
          IssuedCertificate target = em.find(Application.class, issuedFor).getCertificate();
          Application revocation =
              Application.forExisting(
                  ApplicationKind.REVOKE,
                  target,
                  CertificateType.PERSONAL,
                  null,
                  new Applicant(
                      "Holder",
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      "holder@example.cn",
                      null),
                  null,
                  null,
                  null,
                  RevocationReason.H_HOLDER_REQUEST,
                  RevocationInitiator.HOLDER,
                  shared(OperatorRole.ENTRY_CLERK).username,
                  ServiceTier.clock().instant());
          em.persist(revocation);
          em.flush();
          return revocation.getId();
        });
  }

  @Test
  void anEntryClerkCannotDecideAnApplication() {
    long id = submittedApplication(null);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> review.approve(shared(OperatorRole.ENTRY_CLERK).token(), id, null));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    unchanged(id);
  }

  @Test
  void whoeverEnteredAnApplicationCannotDecideItAfterBecomingAReviewer() {
    Staff clerk = RaServiceFixtures.newOperator(OperatorRole.ENTRY_CLERK, null);
    long id =
        desk.submit(
            clerk.token(),
            RaServiceFixtures.applicationForm(RaServiceFixtures.uniqueName("Applicant "), null),
            RaServiceFixtures.idScan());
    RaServiceFixtures.approved(
        administration.requestRoleChange(
            admin().token(), clerk.username, OperatorRole.REVIEWER, null));

    Refusal refused = assertThrows(Refusal.class, () -> review.approve(clerk.token(), id, null));
    assertEquals(RefusalCode.SEPARATION_OF_DUTIES, refused.code());
    assertEquals("separation.ownApplication", refused.problems().get(0).key());
    unchanged(id);
  }

  @Test
  void aRejectionNeedsItsReason() {
    long id = submittedApplication(null);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> review.reject(shared(OperatorRole.REVIEWER).token(), id, null, "why"));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("reason", refused.problems().get(0).field());
    unchanged(id);
  }

  @Test
  void aDecisionNoteLongerThanTheLimitIsRefusedAndNothingIsIssued() {
    long id = submittedApplication(null);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> review.approve(shared(OperatorRole.REVIEWER).token(), id, "n".repeat(1001)));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("note", refused.problems().get(0).field());
    unchanged(id);
    assertNull(queries.application(shared(OperatorRole.REVIEWER).token(), id).certificateSerial());
  }

  @Test
  void aDecidedApplicationCannotBeDecidedAgain() {
    long id = submittedApplication(null);
    String token = shared(OperatorRole.REVIEWER).token();
    review.reject(token, id, RejectionReason.values()[0], null);
    Refusal refused = assertThrows(Refusal.class, () -> review.approve(token, id, null));
    assertEquals(RefusalCode.WRONG_STATE, refused.code());
    assertEquals("application.alreadyDecided", refused.problems().get(0).key());
    assertEquals(1, noticesOf(id));
  }

  @Test
  void anUnknownApplicationIsNotFound() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> review.approve(shared(OperatorRole.REVIEWER).token(), Long.MAX_VALUE, null));
    assertEquals(RefusalCode.NOT_FOUND, refused.code());
    assertEquals("application.notFound", refused.problems().get(0).key());
  }

  @Test
  void aForcedRevocationNeedsAReasonOfTheCpsAndANote() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                review.forceRevocation(
                    shared(OperatorRole.REVIEWER).token(), "01", "SUPERSEDED", " "));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals(
        java.util.Set.of("revocationReason", "note"),
        refused.problems().stream()
            .map(Refusal.Problem::field)
            .collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void anOperatorsLoginCertificateCannotBeRevokedByForce() {
    String serial =
        RaServiceFixtures.stored(shared(OperatorRole.AUDITOR).username)
            .getCertificate()
            .getSerialNumberHex();
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                review.forceRevocation(
                    shared(OperatorRole.REVIEWER).token(), serial, "E", "key lost"));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertEquals("certificate.service", refused.problems().get(0).key());
    assertEquals(
        org.egovca.ca.domain.CertificateStatus.GOOD,
        RaServiceFixtures.stored(shared(OperatorRole.AUDITOR).username)
            .getCertificate()
            .getStatus());
  }

  @Test
  void anApprovalIssuesTheCertificateAndQueuesTheApplicantsNotice() {
    long id = submittedApplication(null);
    ApplicationDetail approved = review.approve(shared(OperatorRole.REVIEWER).token(), id, null);
    assertEquals(ApplicationState.APPROVED, approved.summary().state());
    assertTrue(approved.certificateSerial() != null);
    assertEquals(1, noticesOf(id));
    assertTrue(
        ServiceTier.tasks().waiting().stream().anyMatch(task -> task.contains("sendPending")),
        ServiceTier.tasks().toString());
    assertEquals(
        ApplicantNotice.Kind.APPROVAL,
        ServiceTier.<ApplicantNotice.Kind>inTransaction(
            em ->
                em.createQuery(
                        "SELECT n FROM ApplicantNotice n WHERE n.application.id = :id",
                        ApplicantNotice.class)
                    .setParameter("id", id)
                    .getSingleResult()
                    .getKind()));
  }

  @Test
  void aSubjectApprovedMeanwhileOnAnotherApplicationIsRefusedAndTheFailureAudited() {
    String applicant = RaServiceFixtures.uniqueName("Applicant ");
    String clerk = shared(OperatorRole.ENTRY_CLERK).token();
    long first =
        desk.submit(
            clerk, RaServiceFixtures.applicationForm(applicant, null), RaServiceFixtures.idScan());
    long second =
        desk.submit(
            clerk, RaServiceFixtures.applicationForm(applicant, null), RaServiceFixtures.idScan());
    approvedCertificate(first);
    List<String> tasks = ServiceTier.tasks().waiting();

    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> review.approve(shared(OperatorRole.REVIEWER).token(), second, null));

    assertEquals(RefusalCode.INVALID_SUBJECT, refused.code());
    assertTrue(
        refused.getMessage().contains("already belongs to the holder"), refused.getMessage());
    unchanged(second, tasks);
    assertNull(
        queries.application(shared(OperatorRole.REVIEWER).token(), second).certificateSerial());
    failureAudited(AuditAction.APPLICATION_APPROVED, Application.reference(second));
  }

  @Test
  void aRevocationOfACertificateRevokedByForceMeanwhileIsRefusedAndTheFailureAudited() {
    String reviewer = shared(OperatorRole.REVIEWER).token();
    long issuedFor = submittedApplication(null);
    String serial = approvedCertificate(issuedFor);
    long revocation = revocationApplication(issuedFor);
    review.forceRevocation(reviewer, serial, "E", "key lost");
    List<String> tasks = ServiceTier.tasks().waiting();

    Refusal refused = assertThrows(Refusal.class, () -> review.approve(reviewer, revocation, null));

    assertEquals(RefusalCode.INVALID_REVOCATION, refused.code());
    assertTrue(refused.getMessage().contains("was already revoked"), refused.getMessage());
    unchanged(revocation, tasks);
    failureAudited(AuditAction.APPLICATION_APPROVED, Application.reference(revocation));
  }

  @Test
  void aCertificateRevokedAlreadyIsNotRevokedByForceAgainAndTheFailureAudited() {
    String reviewer = shared(OperatorRole.REVIEWER).token();
    long issuedFor = submittedApplication(null);
    String serial = approvedCertificate(issuedFor);
    review.forceRevocation(reviewer, serial, "E", "key lost");
    long notices = noticesOf(issuedFor);

    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> review.forceRevocation(reviewer, serial, "B", "sanctioned as well"));

    assertEquals(RefusalCode.INVALID_REVOCATION, refused.code());
    assertTrue(refused.getMessage().contains("was already revoked"), refused.getMessage());
    assertEquals(notices, noticesOf(issuedFor));
    assertEquals(
        RevocationReason.E_KEY_COMPROMISE,
        ServiceTier.<RevocationReason>inTransaction(
            em -> em.find(Application.class, issuedFor).getCertificate().getRevocationReason()));
    failureAudited(AuditAction.FORCED_REVOCATION, "serial=" + serial);
  }

  @Test
  void aForcedRevocationOfAnUnknownSerialIsRefusedAsAnUnknownCertificate() {
    String serial = new BigInteger(120, new SecureRandom()).setBit(119).toString(16);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                review.forceRevocation(
                    shared(OperatorRole.REVIEWER).token(), serial, "E", "key lost"));
    assertEquals(RefusalCode.UNKNOWN_CERTIFICATE, refused.code());
    assertEquals("certificate.notFound", refused.problems().get(0).key());
    assertTrue(refused.getMessage().contains(serial), refused.getMessage());
  }

  @Test
  void aForcedRevocationOfASerialThatIsNoHexNumberIsRefusedNamingTheField() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                review.forceRevocation(
                    shared(OperatorRole.REVIEWER).token(), "not-hex", "E", "key lost"));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("serialNumber", refused.problems().get(0).field());
    assertEquals("certificate.serial", refused.problems().get(0).key());
  }
}
