package org.egovca.ca.domain;

/**
 * What is decided about a certificate beside its content, at the moment it is issued: the business
 * type, whether the holder consented to publication in the directory (CPS §6.1.4.4.2), the
 * application unit it belongs to (R19) and the remote RA it was requested through. Delivery reads
 * them to decide where the certificate goes; the remote RA service, which certificates an RA may
 * act on.
 *
 * @param applicationUnitId the unit, or null for a certificate of no unit (service certificates,
 *     requests of a remote RA that named none)
 * @param clientAccountId the remote RA account that requested it, or null (console, service)
 */
public record IssuanceTerms(
    IssuanceKind kind, boolean directoryConsent, Long applicationUnitId, Long clientAccountId) {

  public IssuanceTerms {
    java.util.Objects.requireNonNull(kind, "kind");
  }

  /** A first issuance, published, of no unit. */
  public static IssuanceTerms published() {
    return new IssuanceTerms(IssuanceKind.ISSUE, true, null, null);
  }

  /** A first issuance that stays out of the directory (service and login certificates). */
  public static IssuanceTerms unpublished() {
    return new IssuanceTerms(IssuanceKind.ISSUE, false, null, null);
  }

  /**
   * The terms of a renewal or re-key of {@code current}: its consent, unit and remote RA carry
   * over.
   */
  public static IssuanceTerms successorOf(IssuedCertificate current, IssuanceKind kind) {
    return new IssuanceTerms(
        kind,
        current.isDirectoryConsent(),
        current.getApplicationUnitId(),
        current.getClientAccountId());
  }
}
