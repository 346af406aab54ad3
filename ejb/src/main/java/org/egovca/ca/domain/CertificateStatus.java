package org.egovca.ca.domain;

/** Lifecycle status of an issued certificate (CPS §6.1.4). */
public enum CertificateStatus {
  /** Issued and neither revoked nor expired. */
  VALID,
  /** Revoked; kept on the CRL until it expires (CPS §6.1.4.8). */
  REVOKED
}
