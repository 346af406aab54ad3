package org.egovca.ra.domain;

/** What an application asks for (CPS §6.1.4.1, §6.1.4.6-6.1.4.8). */
public enum ApplicationKind {
  /** A new certificate (or signing and encryption pair) after initial identity vetting. */
  NEW_CERTIFICATE,
  /** The same key and registration data, a new validity period. */
  RENEWAL,
  /** A new key, the same registration data. */
  REKEY,
  /** Revocation of a certificate at the holder's or another party's request. */
  REVOCATION
}
