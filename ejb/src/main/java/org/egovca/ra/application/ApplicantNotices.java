package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.egovca.ra.domain.ApplicantNotice;
import org.egovca.ra.domain.Application;

/**
 * Queues a notice to an applicant in the transaction of the decision it reports: if the decision
 * rolls back, no notice exists; if it commits, the notice is sent after the commit and retried
 * until the mail server takes it ({@link NoticeMailer}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ApplicantNotices {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private Event<NoticeQueued> queued;

  @Inject private Clock clock;

  public void queue(Application application, ApplicantNotice.Kind kind) {
    ApplicantNotice notice =
        new ApplicantNotice(
            application,
            kind,
            NoticeTexts.subject(application, kind),
            NoticeTexts.body(application, kind),
            clock.instant());
    entityManager.persist(notice);
    entityManager.flush();
    queued.fire(new NoticeQueued(notice.getId()));
  }
}
