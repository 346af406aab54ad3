package org.egovca.sync;

/**
 * A certificate's status at sync time, as the CA's records say (the WSDL's type {@code
 * CertificateStatus}). EXPIRED: not revoked, and past its notAfter.
 */
public enum CertificateStatus {
  GOOD,
  REVOKED,
  EXPIRED
}
