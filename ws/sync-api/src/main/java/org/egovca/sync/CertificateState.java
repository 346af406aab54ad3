package org.egovca.sync;

/** A certificate's status at sync time, as the CA's records say. */
public enum CertificateState {
  GOOD,
  REVOKED,
  EXPIRED
}
