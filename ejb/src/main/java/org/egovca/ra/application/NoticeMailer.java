package org.egovca.ra.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.egovca.ra.domain.ApplicantNotice;

/**
 * Sends queued notices through the server's mail session ({@code mail/egovca}): right after the
 * decision that queued one commits, and every minute for those the mail server did not take. One
 * notice is sent in one transaction that records it as sent; one sender at a time per server.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NoticeMailer {

  @Resource(lookup = "mail/egovca")
  private Session mailSession;

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @EJB private NoticeMailer self;
  @Inject private NoticeDelivery delivery;

  private final ReentrantLock sending = new ReentrantLock();

  public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeQueued event) {
    self.sendPending();
  }

  @Schedule(minute = "*", hour = "*", persistent = false)
  void retry() {
    sendPending();
  }

  /** Sends every notice not yet sent; a notice the mail server refuses waits for the next run. */
  @Asynchronous
  public void sendPending() {
    if (!sending.tryLock()) {
      return;
    }
    try {
      List<Long> pending =
          entityManager
              .createNamedQuery(ApplicantNotice.PENDING, ApplicantNotice.class)
              .setMaxResults(100)
              .getResultList()
              .stream()
              .map(ApplicantNotice::getId)
              .toList();
      for (Long id : pending) {
        delivery.send(id, mailSession);
      }
    } finally {
      sending.unlock();
    }
  }
}
