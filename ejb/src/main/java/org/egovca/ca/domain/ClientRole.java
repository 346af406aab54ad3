package org.egovca.ca.domain;

/**
 * What a client account (a machine's, authenticated by its TLS client certificate) may do; each
 * service checks the role it needs in the EJB layer, deny by default. People (operators, CPS
 * §7.5.1.2) have accounts of their own.
 */
public enum ClientRole {
  /** A remote RA system or local acceptance point: issue, renew, re-key, revoke (CPS §7.3.2). */
  REMOTE_RA,
  /**
   * An e-gov system: the query service, for the certificates of its application unit (R19, R23).
   */
  EGOV_SYSTEM
}
