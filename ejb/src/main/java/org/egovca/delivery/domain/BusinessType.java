package org.egovca.delivery.domain;

import org.egovca.ca.domain.IssuanceKind;

/**
 * The business type of a change, as e-gov systems subscribe to it and receive it (R21, R22): the
 * names are those of the sync interface.
 */
public enum BusinessType {
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

  /** The business type of a certificate issued as {@code kind}. */
  public static BusinessType of(IssuanceKind kind) {
    return switch (kind) {
      case ISSUE -> ISSUE;
      case RENEW -> RENEW;
      case REKEY -> REKEY;
    };
  }
}
