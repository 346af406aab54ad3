package org.egovca.ca.domain;

/**
 * A certificate's status (CPS §6.1.4.9 证书状态), as the console, the sync interface and the query
 * service report it.
 *
 * <p>A certificate's record holds GOOD or REVOKED only. EXPIRED is derived from the certificate's
 * notAfter when its status at some time is asked for ({@link IssuedCertificate#statusAt}); it is
 * never stored, so a search of the records by status finds GOOD certificates whether or not they
 * have expired.
 */
public enum CertificateStatus {
  /** Issued and not revoked (past its notAfter, it is reported as {@link #EXPIRED}). */
  GOOD,
  /** Revoked; kept on the CRL until it expires (CPS §6.1.4.8). */
  REVOKED,
  /** Not revoked, and past its notAfter: derived, never stored. */
  EXPIRED
}
