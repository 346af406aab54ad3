package org.egovca.ca.domain;

/**
 * What a certificate-authenticated client account may do. A stepping stone to the operator roles of
 * CPS §7.5.1.2: each service checks the role it needs in the EJB layer, deny by default.
 */
public enum ClientRole {
  /** A remote RA system or local acceptance point: issue, renew, re-key, revoke (CPS §7.3.2). */
  RA_SYSTEM,
  /** 安全管理员: CA key management such as key rollover (CPS §6.5.1.6, §7.5.1.2). */
  SECURITY_ADMIN,
  /**
   * An e-gov system: the query service, for the certificates of its application unit (R19, R23).
   */
  EGOV_SYSTEM
}
