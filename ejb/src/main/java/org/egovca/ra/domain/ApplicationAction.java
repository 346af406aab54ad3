package org.egovca.ra.domain;

/**
 * What one step of an application's history did. Each constant has the name of the audit action
 * that records the same step in the audit log ({@code audit.domain.AuditAction}), so the history
 * and the log speak one vocabulary. Stored by name in {@code application_event.action}.
 */
public enum ApplicationAction {
  /** An entry clerk entered the application. */
  APPLICATION_SUBMITTED,
  /** An entry clerk added a scanned document. */
  DOCUMENT_ADDED,
  /** A reviewer approved it; what it asked for was carried out in the same transaction. */
  APPLICATION_APPROVED,
  /** A reviewer rejected it with a reason of CPS §6.1.4.2.2. */
  APPLICATION_REJECTED,
  /** The applicant was sent a notice (approval, rejection or revocation). */
  APPLICANT_NOTIFIED,
  /** A reviewer revoked the certificate this application brought about (CPS §6.1.4.8.2). */
  FORCED_REVOCATION,
  /**
   * An entry clerk handed the signing key pair the CA generated on request to its holder, who
   * received it in person (CPS §6.1.4.10.1, §7.1.3.4 item A).
   */
  GENERATED_KEY_HANDED_OVER
}
