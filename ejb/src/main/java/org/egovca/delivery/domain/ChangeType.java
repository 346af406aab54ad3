package org.egovca.delivery.domain;

import org.egovca.ca.domain.IssuanceKind;

/**
 * What changed in the CA's records that a delivery carries to the directory or an e-gov system. The
 * first five are the sync interface's business types (R21, R22), under the same names, and the only
 * ones an e-gov system can subscribe to ({@link EgovSystem#SUBSCRIBABLE}); the others reach the
 * directory only.
 */
public enum ChangeType {
  ISSUE,
  RENEW,
  REKEY,
  REVOKE,
  CRL,
  /**
   * A CA certificate reaches the directory; e-gov systems take the chain from the query service.
   */
  CA_CERTIFICATE,
  /** An expired certificate leaves the directory (e-gov systems know the validity already). */
  EXPIRE;

  /** The change of a certificate issued as {@code kind}. */
  public static ChangeType of(IssuanceKind kind) {
    return switch (kind) {
      case ISSUE -> ISSUE;
      case RENEW -> RENEW;
      case REKEY -> REKEY;
    };
  }
}
