package org.egovca.ra.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An e-mail to an applicant (approval, rejection, revocation), written in the transaction of the
 * decision and sent after it commits; kept until the mail server accepts it.
 */
@Entity
@Table(name = "applicant_notice")
@NamedQuery(
    name = ApplicantNotice.PENDING,
    query = "SELECT n FROM ApplicantNotice n WHERE n.sentAt IS NULL ORDER BY n.id")
public class ApplicantNotice {

  public static final String PENDING = "ApplicantNotice.pending";

  /** What the notice tells the applicant. */
  public enum Kind {
    APPROVAL,
    REJECTION,
    REVOCATION
  }

  @Id
  @SequenceGenerator(
      name = "applicant_notice_seq",
      sequenceName = "applicant_notice_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "applicant_notice_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "application_id", nullable = false)
  private Application application;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Kind kind;

  @Column(nullable = false, length = 254)
  private String recipient;

  @Column(nullable = false, length = 256)
  private String subject;

  @Column(nullable = false, length = 4096)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error", length = 512)
  private String lastError;

  protected ApplicantNotice() {}

  public ApplicantNotice(
      Application application, Kind kind, String subject, String body, Instant createdAt) {
    this.application = application;
    this.kind = kind;
    this.recipient = application.getApplicant().getEmail();
    this.subject = subject;
    this.body = body;
    this.createdAt = createdAt;
  }

  public void sent(Instant at) {
    attempts++;
    sentAt = at;
    lastError = null;
    application.noticeSent(at, recipient);
  }

  public void failed(String error) {
    attempts++;
    lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 512));
  }

  public Long getId() {
    return id;
  }

  public Application getApplication() {
    return application;
  }

  public Kind getKind() {
    return kind;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }
}
