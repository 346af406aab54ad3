package org.egovca.it.console;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The notices the CA mailed to applicants, as the loopback SMTP server (GreenMail) received them.
 */
final class Mailbox {

  /** A received notice: recipients, subject, content type and text. */
  record Notice(List<String> recipients, String subject, String contentType, String text) {}

  /** The notice delivery runs right after commit and retries every minute: enough for one retry. */
  static final Duration PATIENCE = Duration.ofSeconds(90);

  private Mailbox() {}

  /** Waits for a notice to {@code recipient} whose subject contains {@code subjectPart}. */
  static Notice await(GreenMail mail, String recipient, String subjectPart)
      throws MessagingException, IOException, InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    do {
      for (MimeMessage message : mail.getReceivedMessages()) {
        Notice notice = notice(message);
        if (notice.recipients().contains(recipient) && notice.subject().contains(subjectPart)) {
          return notice;
        }
      }
      Thread.sleep(250);
    } while (Instant.now().isBefore(deadline));
    List<String> received = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      Notice notice = notice(message);
      received.add(notice.recipients() + " " + notice.subject());
    }
    throw new AssertionError(
        "no notice to "
            + recipient
            + " about '"
            + subjectPart
            + "' within "
            + PATIENCE.toSeconds()
            + " s; received: "
            + received);
  }

  /** Every notice received for {@code recipient}. */
  static List<Notice> to(GreenMail mail, String recipient) throws MessagingException, IOException {
    List<Notice> notices = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      Notice notice = notice(message);
      if (notice.recipients().contains(recipient)) {
        notices.add(notice);
      }
    }
    return notices;
  }

  private static Notice notice(MimeMessage message) throws MessagingException, IOException {
    List<String> recipients = new ArrayList<>();
    jakarta.mail.Address[] addresses = message.getRecipients(Message.RecipientType.TO);
    if (addresses != null) {
      for (jakarta.mail.Address address : addresses) {
        recipients.add(((InternetAddress) address).getAddress());
      }
    }
    return new Notice(
        recipients,
        message.getSubject() == null ? "" : message.getSubject(),
        message.getContentType(),
        text(message));
  }

  private static String text(jakarta.mail.Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String text) {
      return text;
    }
    if (content instanceof Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        if (body.isMimeType("text/*") || body.getContent() instanceof Multipart) {
          text.append(text(body));
        }
      }
      return text.toString();
    }
    return "";
  }
}
