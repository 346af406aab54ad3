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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;

/**
 * One recovery of an escrowed encryption key (CPS §7.1.3.8): who asked for it, for whom, on what
 * authority, who approved it, and — once enough different operators approved — the envelope the KMC
 * made for the recipient certificate's key (never a clear key). The operator who asked approves
 * nothing; the approvals are by different operators; a request nobody decided in time expires.
 */
@Entity
@Table(name = "key_recovery")
@NamedQuery(
    name = KeyRecovery.NEWEST_FIRST,
    query = "SELECT r FROM KeyRecovery r ORDER BY r.requestedAt DESC, r.id DESC")
public class KeyRecovery {

  public static final String NEWEST_FIRST = "KeyRecovery.newestFirst";

  /** How long a recovery waits for its approvals: long enough to gather three custodians. */
  public static final Duration LIFETIME = Duration.ofDays(7);

  /** Where a recovery stands. */
  public enum State {
    PENDING,
    RECOVERED,
    REJECTED
  }

  @Id
  @SequenceGenerator(
      name = "key_recovery_seq",
      sequenceName = "key_recovery_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "key_recovery_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private KeyRecoveryKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @ManyToOne(optional = false)
  @JoinColumn(name = "encryption_certificate_id", nullable = false)
  private IssuedCertificate encryptionCertificate;

  /** HOLDER: the holder's current signing certificate, whose key receives the envelope. */
  @ManyToOne
  @JoinColumn(name = "signing_certificate_id")
  private IssuedCertificate signingCertificate;

  /** The certificate (DER) whose public key receives the envelope. */
  @Column(name = "recipient_certificate", nullable = false)
  private byte[] recipientCertificate;

  @Column(name = "recipient_subject", nullable = false, length = 1024)
  private String recipientSubject;

  /** JUDICIAL: the court or agency that asked (e.g. 北京市海淀区人民法院). */
  @Column(name = "requesting_authority", length = 256)
  private String requestingAuthority;

  /** JUDICIAL: the document the request rests on (its reference, the law it cites). */
  @Column(name = "legal_basis", length = 1024)
  private String legalBasis;

  @Column(length = 1024)
  private String note;

  @ManyToOne(optional = false)
  @JoinColumn(name = "requested_by", nullable = false)
  private Operator requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @ManyToOne
  @JoinColumn(name = "first_approver")
  private Operator firstApprover;

  @Column(name = "first_approved_at")
  private Instant firstApprovedAt;

  @ManyToOne
  @JoinColumn(name = "second_approver")
  private Operator secondApprover;

  @Column(name = "second_approved_at")
  private Instant secondApprovedAt;

  @ManyToOne
  @JoinColumn(name = "rejected_by")
  private Operator rejectedBy;

  @Column(name = "rejected_at")
  private Instant rejectedAt;

  @Column(name = "rejection_note", length = 1024)
  private String rejectionNote;

  @Column(name = "recovered_at")
  private Instant recoveredAt;

  /** The DER GM/T 0009 SM2EnvelopedKey under the recipient certificate's key. */
  @Column(name = "enveloped_key")
  private byte[] envelopedKey;

  protected KeyRecovery() {}

  private KeyRecovery(
      KeyRecoveryKind kind,
      IssuedCertificate encryptionCertificate,
      byte[] recipientCertificate,
      String recipientSubject,
      Operator requestedBy,
      Instant requestedAt,
      String note) {
    this.kind = kind;
    this.state = State.PENDING;
    this.encryptionCertificate = Objects.requireNonNull(encryptionCertificate);
    this.recipientCertificate = Objects.requireNonNull(recipientCertificate).clone();
    this.recipientSubject = Objects.requireNonNull(recipientSubject);
    this.requestedBy = Objects.requireNonNull(requestedBy);
    this.requestedAt = Objects.requireNonNull(requestedAt);
    this.expiresAt = requestedAt.plus(LIFETIME);
    this.note = note;
  }

  /** A holder's recovery, the envelope for the key of their current signing certificate. */
  public static KeyRecovery forHolder(
      IssuedCertificate encryption,
      IssuedCertificate signing,
      Operator requestedBy,
      Instant now,
      String note) {
    KeyRecovery recovery =
        new KeyRecovery(
            KeyRecoveryKind.HOLDER,
            encryption,
            signing.getEncoded(),
            signing.getSubjectDn(),
            requestedBy,
            now,
            note);
    recovery.signingCertificate = signing;
    return recovery;
  }

  /** A judicial or accountability recovery for a designated recipient certificate. */
  public static KeyRecovery judicial(
      IssuedCertificate encryption,
      byte[] recipientCertificate,
      String recipientSubject,
      String requestingAuthority,
      String legalBasis,
      Operator requestedBy,
      Instant now,
      String note) {
    KeyRecovery recovery =
        new KeyRecovery(
            KeyRecoveryKind.JUDICIAL,
            encryption,
            recipientCertificate,
            recipientSubject,
            requestedBy,
            now,
            note);
    recovery.requestingAuthority = Objects.requireNonNull(requestingAuthority);
    recovery.legalBasis = Objects.requireNonNull(legalBasis);
    return recovery;
  }

  /**
   * Records {@code approver}'s approval.
   *
   * @return whether the recovery now has all the approvals its kind needs: the caller carries it
   *     out in this transaction
   * @throws DualControlViolation when {@code approver} asked for it or approved it already
   * @throws Refusal WRONG_STATE when it is no longer waiting
   */
  public boolean approve(Operator approver, Instant now) {
    requireOpen(now);
    requireNotRequester(approver, "approve");
    if (same(firstApprover, approver)) {
      throw new DualControlViolation(
          approver.getUsername()
              + " approved "
              + reference()
              + " already: the second approval must come from another operator");
    }
    if (firstApprover == null) {
      firstApprover = approver;
      firstApprovedAt = now;
    } else {
      secondApprover = approver;
      secondApprovedAt = now;
    }
    return approvals() >= kind.approvalsNeeded();
  }

  /** The KMC made the envelope: the recovery is done. */
  public void recovered(byte[] envelope, Instant now) {
    if (state != State.PENDING || approvals() < kind.approvalsNeeded()) {
      throw new IllegalStateException(reference() + " is not approved: nothing is recovered");
    }
    this.envelopedKey = Objects.requireNonNull(envelope).clone();
    this.recoveredAt = now;
    this.state = State.RECOVERED;
  }

  /** Refuses the recovery; the operator who asked cannot (nor can they approve it). */
  public void reject(Operator approver, Instant now, String rejectionNote) {
    requireOpen(now);
    requireNotRequester(approver, "reject");
    this.rejectedBy = approver;
    this.rejectedAt = now;
    this.rejectionNote = rejectionNote;
    this.state = State.REJECTED;
  }

  public int approvals() {
    return (firstApprover == null ? 0 : 1) + (secondApprover == null ? 0 : 1);
  }

  private void requireOpen(Instant now) {
    if (state != State.PENDING) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "keyRecovery.decided",
          reference() + " was already decided: it is " + state);
    }
    if (!now.isBefore(expiresAt)) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "keyRecovery.expired",
          reference() + " expired at " + expiresAt + " without enough approvals: ask again");
    }
  }

  private void requireNotRequester(Operator approver, String decision) {
    if (same(requestedBy, approver)) {
      throw new DualControlViolation(
          approver.getUsername()
              + " asked for "
              + reference()
              + " and cannot "
              + decision
              + " it: another operator must (CPS 7.5.1.2, one operates, one supervises)");
    }
  }

  /** One account, whether loaded in this persistence context or another. */
  private static boolean same(Operator one, Operator other) {
    return one != null
        && other != null
        && (one == other || (one.getId() != null && one.getId().equals(other.getId())));
  }

  public String reference() {
    return reference(id);
  }

  /** How the audit log names recovery {@code id}. */
  public static String reference(Long id) {
    return "key-recovery:" + id;
  }

  public Long getId() {
    return id;
  }

  public KeyRecoveryKind getKind() {
    return kind;
  }

  public State getState() {
    return state;
  }

  public IssuedCertificate getEncryptionCertificate() {
    return encryptionCertificate;
  }

  public IssuedCertificate getSigningCertificate() {
    return signingCertificate;
  }

  public byte[] getRecipientCertificate() {
    return recipientCertificate.clone();
  }

  public String getRecipientSubject() {
    return recipientSubject;
  }

  public String getRequestingAuthority() {
    return requestingAuthority;
  }

  public String getLegalBasis() {
    return legalBasis;
  }

  public String getNote() {
    return note;
  }

  public Operator getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Operator getFirstApprover() {
    return firstApprover;
  }

  public Instant getFirstApprovedAt() {
    return firstApprovedAt;
  }

  public Operator getSecondApprover() {
    return secondApprover;
  }

  public Instant getSecondApprovedAt() {
    return secondApprovedAt;
  }

  public Operator getRejectedBy() {
    return rejectedBy;
  }

  public Instant getRejectedAt() {
    return rejectedAt;
  }

  public String getRejectionNote() {
    return rejectionNote;
  }

  public Instant getRecoveredAt() {
    return recoveredAt;
  }

  public byte[] getEnvelopedKey() {
    return envelopedKey == null ? null : envelopedKey.clone();
  }
}
