package org.egovca.ca.domain;

/**
 * How a certificate came about: the business type that e-gov systems receive with it (R21) and the
 * statistics count by.
 */
public enum IssuanceKind {
  /** First issuance after vetting (CPS §6.1.4.3). */
  ISSUE,
  /** Renewal: same key and registration data, new validity (CPS §6.1.4.6). */
  RENEW,
  /** Re-key: new key, same registration data (CPS §6.1.4.7). */
  REKEY
}
