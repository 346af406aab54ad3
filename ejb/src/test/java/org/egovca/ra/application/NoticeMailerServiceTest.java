package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.ra.domain.ApplicantNotice;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.RejectionReason;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The applicant's notice is queued with the decision and sent after it commits; a notice the mail
 * server does not take (the service tier has no mail session) waits for the next run, its attempt
 * counted.
 */
@ExtendWith(ServiceTier.class)
class NoticeMailerServiceTest {

  @Inject ApplicationReview review;

  private static ApplicantNotice noticeOf(long applicationId) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT n FROM ApplicantNotice n WHERE n.application.id = :id",
                    ApplicantNotice.class)
                .setParameter("id", applicationId)
                .getSingleResult());
  }

  @Test
  void aNoticeTheMailServerDidNotTakeWaitsWithItsAttemptCounted() throws Exception {
    long id = RaServiceFixtures.submittedApplication(null);
    review.reject(shared(OperatorRole.REVIEWER).token(), id, RejectionReason.values()[0], null);
    assertTrue(
        ServiceTier.tasks().waiting().stream().anyMatch(task -> task.contains("sendPending")),
        ServiceTier.tasks().toString());

    ServiceTier.tasks().runAll();

    ApplicantNotice notice = noticeOf(id);
    assertEquals(ApplicantNotice.Kind.REJECTION, notice.getKind());
    assertNull(notice.getSentAt());
    assertEquals(1, notice.getAttempts());
    assertNotNull(notice.getLastError());
  }
}
