package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.egovca.ra.application.RaServiceFixtures.submittedApplication;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.ApplicantNotice;
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
    assertEquals(ApplicationState.SUBMITTED, stateOf(id));
    assertEquals(0, noticesOf(id));
    assertTrue(ServiceTier.tasks().waiting().isEmpty(), ServiceTier.tasks().toString());
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
}
