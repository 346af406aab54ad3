package org.egovca.delivery.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One delivery: a change (a certificate issued, renewed, re-keyed or revoked; a CRL; a CA
 * certificate) to deliver to the target of one {@link DeliveryQueue}. It refers to what it carries
 * rather than copying it, so delivery always sends the latest state. Its message id travels with
 * it, so that a receiver applies it once however often a lost answer makes us send it.
 */
@Entity
@Table(name = "delivery")
@NamedQuery(
    name = Delivery.PENDING_IN_QUEUE,
    query =
        "SELECT d FROM Delivery d WHERE d.queue = :queue AND d.deliveredAt IS NULL"
            + " ORDER BY d.id")
@NamedQuery(
    name = Delivery.QUEUES_WITH_PENDING,
    query =
        "SELECT DISTINCT d.queue FROM Delivery d, DeliveryQueue q"
            + " WHERE d.queue = q.name AND d.deliveredAt IS NULL AND q.nextAttemptAt <= :now")
@NamedQuery(
    name = Delivery.NEWEST_IN_QUEUE,
    query = "SELECT d FROM Delivery d WHERE d.queue = :queue ORDER BY d.id DESC")
public class Delivery {

  public static final String PENDING_IN_QUEUE = "Delivery.pendingInQueue";
  public static final String QUEUES_WITH_PENDING = "Delivery.queuesWithPending";
  public static final String NEWEST_IN_QUEUE = "Delivery.newestInQueue";

  private static final int ERROR_LENGTH = 512;

  @Id
  @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
  private Long id;

  @Column(nullable = false, length = 64)
  private String queue;

  @Column(name = "message_id", nullable = false, unique = true, length = 36)
  private String messageId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DeliveryKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "change_type", nullable = false, length = 16)
  private ChangeType changeType;

  @Column(name = "ca_name", nullable = false, length = 64)
  private String caName;

  @Column(name = "certificate_id")
  private Long certificateId;

  @Column(name = "crl_id")
  private Long crlId;

  @Column(name = "ca_certificate")
  private byte[] caCertificate;

  /** What it is about, for operators: a serial and subject, a CRL number. */
  @Column(nullable = false, length = 1024)
  private String reference;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "last_error", length = ERROR_LENGTH)
  private String lastError;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  protected Delivery() {}

  private Delivery(
      String queue,
      DeliveryKind kind,
      ChangeType changeType,
      String caName,
      String reference,
      Instant createdAt) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.messageId = UUID.randomUUID().toString();
    this.kind = kind;
    this.changeType = changeType;
    this.caName = Objects.requireNonNull(caName, "caName");
    this.reference = reference.length() > 1024 ? reference.substring(0, 1024) : reference;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A certificate change; the certificate's row is read again when it is delivered. */
  public static Delivery ofCertificate(
      String queue,
      ChangeType changeType,
      String caName,
      long certificateId,
      String reference,
      Instant now) {
    Delivery delivery =
        new Delivery(queue, DeliveryKind.CERTIFICATE, changeType, caName, reference, now);
    delivery.certificateId = certificateId;
    return delivery;
  }

  /** A new CRL. */
  public static Delivery ofCrl(
      String queue, String caName, long crlId, String reference, Instant now) {
    Delivery delivery =
        new Delivery(queue, DeliveryKind.CRL, ChangeType.CRL, caName, reference, now);
    delivery.crlId = crlId;
    return delivery;
  }

  /** A CA certificate (CA certificates have no row of their own; the DER is kept here). */
  public static Delivery ofCaCertificate(
      String queue, String caName, byte[] certificate, String reference, Instant now) {
    return ofCaCertificate(queue, ChangeType.CA_CERTIFICATE, caName, certificate, reference, now);
  }

  /**
   * A CA certificate of a CA the root revoked, to leave the directory (the target withdraws the
   * certificate of every revoked CA, whatever the change, as it delivers the latest state).
   */
  public static Delivery ofRevokedCaCertificate(
      String queue, String caName, byte[] certificate, String reference, Instant now) {
    return ofCaCertificate(queue, ChangeType.REVOKE, caName, certificate, reference, now);
  }

  private static Delivery ofCaCertificate(
      String queue,
      ChangeType changeType,
      String caName,
      byte[] certificate,
      String reference,
      Instant now) {
    Delivery delivery =
        new Delivery(queue, DeliveryKind.CA_CERTIFICATE, changeType, caName, reference, now);
    delivery.caCertificate = certificate.clone();
    return delivery;
  }

  /** The target took it. */
  public void delivered(Instant now) {
    attempts++;
    lastAttemptAt = now;
    deliveredAt = now;
  }

  /** The target did not take it; {@code error} says why, in an operator's words. */
  public void failed(Instant now, String error) {
    attempts++;
    lastAttemptAt = now;
    String text = error == null || error.isBlank() ? "unknown error" : error;
    lastError = text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text;
  }

  public boolean isDelivered() {
    return deliveredAt != null;
  }

  public Long getId() {
    return id;
  }

  public String getQueue() {
    return queue;
  }

  public String getMessageId() {
    return messageId;
  }

  public DeliveryKind getKind() {
    return kind;
  }

  public ChangeType getChangeType() {
    return changeType;
  }

  public String getCaName() {
    return caName;
  }

  public Long getCertificateId() {
    return certificateId;
  }

  public Long getCrlId() {
    return crlId;
  }

  public byte[] getCaCertificate() {
    return caCertificate == null ? null : caCertificate.clone();
  }

  public String getReference() {
    return reference;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getLastAttemptAt() {
    return lastAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }
}
