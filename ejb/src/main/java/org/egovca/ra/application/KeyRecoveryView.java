package org.egovca.ra.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.egovca.ra.domain.KeyRecovery;
import org.egovca.ra.domain.Operator;

/**
 * A key recovery as the console and the auditor see it: everything but the envelope, which only the
 * operator who hands it over downloads (audited).
 *
 * @param encryptionSerialHex the encryption certificate whose escrowed key is recovered
 * @param holder its subject
 * @param recipient the subject of the certificate whose key receives the envelope
 * @param approvedBy the operators who approved, in order
 */
public record KeyRecoveryView(
    long id,
    String kind,
    String state,
    String encryptionSerialHex,
    String holder,
    String recipient,
    String requestingAuthority,
    String legalBasis,
    String note,
    String requestedBy,
    Instant requestedAt,
    Instant expiresAt,
    List<String> approvedBy,
    int approvalsNeeded,
    String rejectedBy,
    String rejectionNote,
    Instant recoveredAt)
    implements Serializable {

  static KeyRecoveryView of(KeyRecovery recovery) {
    List<String> approvers =
        Stream.of(recovery.getFirstApprover(), recovery.getSecondApprover())
            .filter(Objects::nonNull)
            .map(Operator::getUsername)
            .toList();
    return new KeyRecoveryView(
        recovery.getId(),
        recovery.getKind().name(),
        recovery.getState().name(),
        recovery.getEncryptionCertificate().getSerialNumberHex(),
        recovery.getEncryptionCertificate().getSubjectDn(),
        recovery.getRecipientSubject(),
        recovery.getRequestingAuthority(),
        recovery.getLegalBasis(),
        recovery.getNote(),
        recovery.getRequestedBy().getUsername(),
        recovery.getRequestedAt(),
        recovery.getExpiresAt(),
        approvers,
        recovery.getKind().approvalsNeeded(),
        recovery.getRejectedBy() == null ? null : recovery.getRejectedBy().getUsername(),
        recovery.getRejectionNote(),
        recovery.getRecoveredAt());
  }
}
