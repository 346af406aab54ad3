package org.egovca.ra.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.egovca.ca.domain.GeneratedKey;
import org.egovca.ra.domain.Applicant;
import org.egovca.ra.domain.Application;
import org.egovca.ra.domain.ApplicationAction;
import org.egovca.ra.domain.ApplicationDocument;
import org.egovca.ra.domain.ApplicationState;
import org.egovca.ra.domain.DocumentKind;
import org.egovca.ra.domain.FeeStatus;
import org.egovca.ra.domain.KeyGenerationRequest;

/** An application's page: what was entered, its documents, its history and what came of it. */
public record ApplicationDetail(
    ApplicationSummary summary,
    boolean dualCertificate,
    List<String> subjectAltNames,
    String pkcs10,
    Applicant applicant,
    boolean directoryConsent,
    boolean agreementAccepted,
    FeeStatus feeStatus,
    String targetSerial,
    String revocationReason,
    String revocationInitiator,
    String rejectionReason,
    String rejectionNote,
    Instant noticeDueAt,
    Instant noticeSentAt,
    String certificateSerial,
    String encryptionCertificateSerial,
    boolean hasEnvelopedKey,
    KeyGeneration keyGeneration,
    List<Document> documents,
    List<Step> history)
    implements Serializable {

  /** A scanned document's metadata; its content is fetched separately. */
  public record Document(
      long id,
      DocumentKind kind,
      String fileName,
      String contentType,
      int sizeBytes,
      String sha256,
      String uploadedBy,
      Instant uploadedAt)
      implements Serializable {}

  /**
   * The signing key pair the CA generates on the applicant's written request (CPS §6.1.4.10.1):
   * whether it was asked for and of which type, then what became of the key the approval made
   * ({@code state} null before the approval).
   */
  public record KeyGeneration(
      boolean requested,
      String algorithm,
      String state,
      Instant handoverDueAt,
      Instant handedOverAt,
      String handedOverBy,
      String receivedBy,
      Instant destroyedAt)
      implements Serializable {

    /** Whether the key waits in the token for its holder. */
    public boolean waiting() {
      return GeneratedKey.State.WAITING.name().equals(state);
    }

    static KeyGeneration of(KeyGenerationRequest request) {
      GeneratedKey key = request.getGeneratedKey();
      return new KeyGeneration(
          request.isRequested(),
          request.getAlgorithm() == null ? null : request.getAlgorithm().displayName(),
          key == null ? null : key.getState().name(),
          key == null ? null : key.getHandoverDueAt(),
          key == null ? null : key.getHandedOverAt(),
          key == null ? null : key.getHandedOverBy(),
          key == null ? null : key.getReceivedBy(),
          key == null ? null : key.getDestroyedAt());
    }
  }

  /** One step of the history. */
  public record Step(
      Instant at, String actor, ApplicationAction action, ApplicationState state, String note)
      implements Serializable {}

  public ApplicationState state() {
    return summary.state();
  }

  static ApplicationDetail of(Application application, Instant now) {
    return new ApplicationDetail(
        ApplicationSummary.of(application, now),
        application.isDualCertificate(),
        application.getSubjectAltNames(),
        application.getPkcs10(),
        application.getApplicant(),
        application.isDirectoryConsent(),
        application.isAgreementAccepted(),
        application.getFeeStatus(),
        application.getTargetCertificate() == null
            ? null
            : application.getTargetCertificate().getSerialNumberHex(),
        application.getRevocationReason() == null ? null : application.getRevocationReason().name(),
        application.getRevocationInitiator() == null
            ? null
            : application.getRevocationInitiator().name(),
        application.getRejectionReason() == null ? null : application.getRejectionReason().name(),
        application.getRejectionNote(),
        application.getNoticeDueAt(),
        application.getNoticeSentAt(),
        application.getCertificate() == null
            ? null
            : application.getCertificate().getSerialNumberHex(),
        application.getEncryptionCertificate() == null
            ? null
            : application.getEncryptionCertificate().getSerialNumberHex(),
        application.getEnvelopedKey() != null,
        KeyGeneration.of(application.getKeyGeneration()),
        application.getDocuments().stream().map(ApplicationDetail::document).toList(),
        application.getEvents().stream()
            .map(
                e ->
                    new Step(
                        e.getOccurredAt(), e.getActor(), e.getAction(), e.getState(), e.getNote()))
            .toList());
  }

  private static Document document(ApplicationDocument d) {
    return new Document(
        d.getId(),
        d.getKind(),
        d.getFileName(),
        d.getContentType(),
        d.getSizeBytes(),
        d.getSha256(),
        d.getUploadedBy(),
        d.getUploadedAt());
  }
}
