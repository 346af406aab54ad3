package org.egovca.ra.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.ca.domain.CertificateType;
import org.egovca.ca.domain.GeneratedKey;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;

/**
 * An RA application (CPS §6.1.4.1-6.1.4.3, §6.1.4.6-6.1.4.8): entered by an entry clerk with the
 * applicant's identity data and documents, decided by a different operator who is a reviewer. The
 * decision is due {@link #DECISION_LIMIT} after a complete application ({@link #REVOCATION_LIMIT}
 * for a revocation), and a rejection notice {@link #NOTICE_LIMIT} after the rejection.
 */
@Entity
@Table(name = "application")
public class Application {

  /** CPS §6.1.4.2.3: a complete application is decided within 48 hours. */
  public static final Duration DECISION_LIMIT = Duration.ofHours(48);

  /** CPS §6.1.4.8.5: a revocation request is processed within 24 hours. */
  public static final Duration REVOCATION_LIMIT = Duration.ofHours(24);

  /** CPS §6.1.4.2.2: the applicant is told the reason of a rejection within 24 hours. */
  public static final Duration NOTICE_LIMIT = Duration.ofHours(24);

  @Id
  @SequenceGenerator(name = "application_seq", sequenceName = "application_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ApplicationKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "certificate_type", nullable = false, length = 16)
  private CertificateType certificateType;

  @Column(length = 64)
  private String profile;

  @Column(name = "dual_certificate", nullable = false)
  private boolean dualCertificate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ApplicationState state;

  @Column(name = "subject_dn", length = 1024)
  private String subjectDn;

  /** The vetted subjectAltNames, one per line ({@code DNS:…}, {@code IP:…}, {@code EMAIL:…}). */
  @Column(name = "subject_alt_names", length = 1024)
  private String subjectAltNames;

  @Column(length = 8192)
  private String pkcs10;

  /** Whether the CA generates the signing key pair instead (CPS §6.1.4.10.1); then no PKCS#10. */
  @Embedded private KeyGenerationRequest keyGeneration = KeyGenerationRequest.none();

  /** Renewal and re-key: the holder's renewal proof statement, exactly as signed. */
  @Column(name = "renewal_proof", length = 1024)
  private String renewalProof;

  /** Its signature with the current key, base64. */
  @Column(name = "renewal_proof_signature", length = 1024)
  private String renewalProofSignature;

  @Embedded private Applicant applicant;

  @Column(name = "directory_consent", nullable = false)
  private boolean directoryConsent;

  @Column(name = "agreement_accepted", nullable = false)
  private boolean agreementAccepted;

  @Enumerated(EnumType.STRING)
  @Column(name = "fee_status", nullable = false, length = 16)
  private FeeStatus feeStatus;

  @ManyToOne
  @JoinColumn(name = "application_unit_id")
  private ApplicationUnit applicationUnit;

  @ManyToOne
  @JoinColumn(name = "target_certificate_id")
  private IssuedCertificate targetCertificate;

  @Enumerated(EnumType.STRING)
  @Column(name = "revocation_reason", length = 32)
  private RevocationReason revocationReason;

  @Enumerated(EnumType.STRING)
  @Column(name = "revocation_initiator", length = 32)
  private RevocationInitiator revocationInitiator;

  @Column(name = "entered_by", nullable = false, length = 32)
  private String enteredBy;

  @Column(name = "entered_at", nullable = false)
  private Instant enteredAt;

  @Column(name = "decision_due_at", nullable = false)
  private Instant decisionDueAt;

  @Column(name = "decided_by", length = 32)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "rejection_reason", length = 32)
  private RejectionReason rejectionReason;

  @Column(name = "rejection_note", length = 1024)
  private String rejectionNote;

  @Column(name = "notice_due_at")
  private Instant noticeDueAt;

  @Column(name = "notice_sent_at")
  private Instant noticeSentAt;

  @ManyToOne
  @JoinColumn(name = "certificate_id")
  private IssuedCertificate certificate;

  @ManyToOne
  @JoinColumn(name = "encryption_certificate_id")
  private IssuedCertificate encryptionCertificate;

  /** The encryption private key in its GM/T 0009 envelope under the holder's signing key. */
  @Column(name = "enveloped_key")
  private byte[] envelopedKey;

  @OneToMany(mappedBy = "application", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<ApplicationEvent> events = new ArrayList<>();

  @OneToMany(mappedBy = "application", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<ApplicationDocument> documents = new ArrayList<>();

  protected Application() {}

  private Application(
      ApplicationKind kind, CertificateType type, Applicant applicant, String clerk, Instant at) {
    this.kind = kind;
    this.certificateType = type;
    this.applicant = applicant;
    this.state = ApplicationState.SUBMITTED;
    this.enteredBy = clerk;
    this.enteredAt = at;
    this.feeStatus = FeeStatus.WAIVED;
    this.decisionDueAt =
        at.plus(kind == ApplicationKind.REVOKE ? REVOCATION_LIMIT : DECISION_LIMIT);
    record(at, clerk, ApplicationAction.APPLICATION_SUBMITTED, null);
  }

  /**
   * An application for a new certificate, or for a signing and encryption pair, for the key of the
   * holder's {@code pkcs10} or, when the applicant asked in writing, for a key pair the CA
   * generates ({@code keyGeneration}); exactly one of the two.
   */
  public static Application forNewCertificate(
      CertificateType type,
      String profile,
      boolean dualCertificate,
      String subjectDn,
      String subjectAltNames,
      String pkcs10,
      KeyGenerationRequest keyGeneration,
      Applicant applicant,
      boolean directoryConsent,
      boolean agreementAccepted,
      FeeStatus feeStatus,
      ApplicationUnit unit,
      String clerk,
      Instant at) {
    if ((pkcs10 == null) != keyGeneration.isRequested()) {
      throw new IllegalArgumentException(
          "a new certificate is for the holder's PKCS#10 or for a key the CA generates, not both");
    }
    Application application = new Application(ApplicationKind.ISSUE, type, applicant, clerk, at);
    application.keyGeneration = keyGeneration;
    application.profile = profile;
    application.dualCertificate = dualCertificate;
    application.subjectDn = subjectDn;
    application.subjectAltNames = subjectAltNames;
    application.pkcs10 = pkcs10;
    application.directoryConsent = directoryConsent;
    application.agreementAccepted = agreementAccepted;
    application.feeStatus = feeStatus;
    application.applicationUnit = unit;
    return application;
  }

  /**
   * A renewal, re-key or revocation of {@code target}; the registration data is the target's.
   * Renewal and re-key carry a PKCS#10 and the holder's renewal proof; revocation carries its
   * reason and initiator.
   */
  public static Application forExisting(
      ApplicationKind kind,
      IssuedCertificate target,
      CertificateType type,
      ApplicationUnit unit,
      Applicant applicant,
      String pkcs10,
      String renewalProof,
      String renewalProofSignature,
      RevocationReason reason,
      RevocationInitiator initiator,
      String clerk,
      Instant at) {
    if (kind == ApplicationKind.ISSUE) {
      throw new IllegalArgumentException("a new certificate has no target");
    }
    Application application = new Application(kind, type, applicant, clerk, at);
    application.targetCertificate = target;
    application.profile = target.getProfile();
    application.subjectDn = target.getSubjectDn();
    application.applicationUnit = unit;
    application.pkcs10 = pkcs10;
    application.renewalProof = renewalProof;
    application.renewalProofSignature = renewalProofSignature;
    application.revocationReason = reason;
    application.revocationInitiator = initiator;
    application.agreementAccepted = true;
    return application;
  }

  public void addDocument(
      DocumentKind documentKind,
      String fileName,
      String contentType,
      byte[] content,
      String sha256,
      String clerk,
      Instant at) {
    documents.add(
        new ApplicationDocument(
            this, documentKind, fileName, contentType, content, sha256, clerk, at));
    record(
        at,
        clerk,
        ApplicationAction.DOCUMENT_ADDED,
        documentKind + ": " + fileName + " (SHA-256 " + sha256 + ")");
  }

  /** Records the approval; the caller has carried the request out in the same transaction. */
  public void approve(String reviewer, Instant at, String note) {
    requireSubmitted();
    state = ApplicationState.APPROVED;
    decidedBy = reviewer;
    decidedAt = at;
    record(at, reviewer, ApplicationAction.APPLICATION_APPROVED, note);
  }

  public void reject(RejectionReason reason, String note, String reviewer, Instant at) {
    requireSubmitted();
    state = ApplicationState.REJECTED;
    rejectionReason = reason;
    rejectionNote = note;
    decidedBy = reviewer;
    decidedAt = at;
    noticeDueAt = at.plus(NOTICE_LIMIT);
    record(
        at,
        reviewer,
        ApplicationAction.APPLICATION_REJECTED,
        reason + (note == null ? "" : ": " + note));
  }

  public void certificatesIssued(
      IssuedCertificate signing, IssuedCertificate encryption, byte[] envelope) {
    this.certificate = signing;
    this.encryptionCertificate = encryption;
    this.envelopedKey = envelope == null ? null : envelope.clone();
  }

  /** Records the key pair the approval generated for the holder (CPS §6.1.4.10.1). */
  public void keyGenerated(GeneratedKey key) {
    keyGeneration.generated(key);
  }

  public void noticeSent(Instant at, String recipient) {
    if (noticeSentAt == null) {
      noticeSentAt = at;
    }
    record(at, "system", ApplicationAction.APPLICANT_NOTIFIED, recipient);
  }

  /** Adds a step to the history, in the current state. */
  public final void record(Instant at, String actor, ApplicationAction action, String note) {
    events.add(new ApplicationEvent(this, at, actor, action, note));
  }

  private void requireSubmitted() {
    if (state != ApplicationState.SUBMITTED) {
      throw new IllegalStateException(
          "application " + reference() + " was already decided: it is " + state);
    }
  }

  /** The reference printed on receipts and quoted by applicants. */
  public String reference() {
    // an application not yet stored has no id yet; its messages then say so
    return String.format(java.util.Locale.ROOT, "RA-%08d", id);
  }

  /** How operators and applicants name application {@code id}, e.g. RA-00000042. */
  public static String reference(long id) {
    return String.format(java.util.Locale.ROOT, "RA-%08d", id);
  }

  public boolean isOverdueAt(Instant now) {
    return state == ApplicationState.SUBMITTED && now.isAfter(decisionDueAt);
  }

  public boolean isNoticeOverdueAt(Instant now) {
    return noticeDueAt != null && noticeSentAt == null && now.isAfter(noticeDueAt);
  }

  public Long getId() {
    return id;
  }

  public ApplicationKind getKind() {
    return kind;
  }

  public CertificateType getCertificateType() {
    return certificateType;
  }

  public String getProfile() {
    return profile;
  }

  public boolean isDualCertificate() {
    return dualCertificate;
  }

  public ApplicationState getState() {
    return state;
  }

  public String getSubjectDn() {
    return subjectDn;
  }

  public List<String> getSubjectAltNames() {
    return subjectAltNames == null || subjectAltNames.isBlank()
        ? List.of()
        : List.of(subjectAltNames.split("\n"));
  }

  public String getPkcs10() {
    return pkcs10;
  }

  public KeyGenerationRequest getKeyGeneration() {
    return keyGeneration;
  }

  public String getRenewalProof() {
    return renewalProof;
  }

  public String getRenewalProofSignature() {
    return renewalProofSignature;
  }

  public Applicant getApplicant() {
    return applicant;
  }

  public boolean isDirectoryConsent() {
    return directoryConsent;
  }

  public boolean isAgreementAccepted() {
    return agreementAccepted;
  }

  public FeeStatus getFeeStatus() {
    return feeStatus;
  }

  public ApplicationUnit getApplicationUnit() {
    return applicationUnit;
  }

  public IssuedCertificate getTargetCertificate() {
    return targetCertificate;
  }

  public RevocationReason getRevocationReason() {
    return revocationReason;
  }

  public RevocationInitiator getRevocationInitiator() {
    return revocationInitiator;
  }

  public String getEnteredBy() {
    return enteredBy;
  }

  public Instant getEnteredAt() {
    return enteredAt;
  }

  public Instant getDecisionDueAt() {
    return decisionDueAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public RejectionReason getRejectionReason() {
    return rejectionReason;
  }

  public String getRejectionNote() {
    return rejectionNote;
  }

  public Instant getNoticeDueAt() {
    return noticeDueAt;
  }

  public Instant getNoticeSentAt() {
    return noticeSentAt;
  }

  public IssuedCertificate getCertificate() {
    return certificate;
  }

  public IssuedCertificate getEncryptionCertificate() {
    return encryptionCertificate;
  }

  public byte[] getEnvelopedKey() {
    return envelopedKey == null ? null : envelopedKey.clone();
  }

  public List<ApplicationEvent> getEvents() {
    return List.copyOf(events);
  }

  public List<ApplicationDocument> getDocuments() {
    return List.copyOf(documents);
  }
}
