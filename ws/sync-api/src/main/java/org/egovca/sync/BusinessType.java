package org.egovca.sync;

/** Why the CA sends a message: the business event of CPS §6.3 behind it. */
public enum BusinessType {
  /** A new certificate was issued. */
  ISSUE,
  /** A certificate was renewed: new certificate for the same key (CPS §6.1.4.6). */
  RENEW,
  /** A certificate was re-keyed: new certificate for a new key (CPS §6.1.4.7). */
  REKEY,
  /** A certificate was revoked (CPS §6.1.4.8). */
  REVOKE,
  /** The CA issued a new CRL; the only business type of a {@link CrlSync}. */
  CRL
}
