package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ra.domain.ApplicantNotice;

/** Sends one notice in a transaction that records the outcome. */
@Stateless
public class NoticeDelivery {

  private static final Logger LOG = Logger.getLogger(NoticeDelivery.class.getName());

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;

  @Inject private Clock clock;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void send(long noticeId, Session session) {
    ApplicantNotice notice = entityManager.find(ApplicantNotice.class, noticeId);
    if (notice == null || notice.getSentAt() != null) {
      return;
    }
    try {
      MimeMessage message = new MimeMessage(session);
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(notice.getRecipient()));
      message.setSubject(notice.getSubject(), StandardCharsets.UTF_8.name());
      message.setText(notice.getBody(), StandardCharsets.UTF_8.name());
      message.setSentDate(new java.util.Date());
      Transport.send(message);
      notice.sent(clock.instant());
      auditLog.success(
          "system",
          AuditAction.APPLICANT_NOTIFIED,
          notice.getApplication().reference(),
          notice.getKind() + " notice sent");
    } catch (MessagingException e) {
      notice.failed(e.getMessage());
      LOG.log(
          Level.WARNING,
          "notice {0} not sent (attempt {1}): {2}",
          new Object[] {noticeId, notice.getAttempts(), e.getMessage()});
    }
  }
}
