package org.egovca.ra.domain;

/**
 * What an application asks for (CPS §6.1.4.1, §6.1.4.6-6.1.4.8), named by the life-cycle verb, as
 * {@code IssuanceKind} and the sync interface's {@code BusinessType} name it. Stored by name in
 * {@code application.kind}.
 */
public enum ApplicationKind {
  /** A new certificate (or signing and encryption pair) after initial identity vetting. */
  ISSUE,
  /** The same key and registration data, a new validity period. */
  RENEW,
  /** A new key, the same registration data. */
  REKEY,
  /** Revocation of a certificate at the holder's or another party's request. */
  REVOKE
}
