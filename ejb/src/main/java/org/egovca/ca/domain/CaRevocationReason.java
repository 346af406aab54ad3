package org.egovca.ca.domain;

/**
 * Why the root revokes a subordinate CA's certificate, as the RFC 5280 CRLReason its ARL and OCSP
 * answers carry. The holder reasons A–J of CPS §6.1.4.8.1 ({@link RevocationReason}) are about
 * holders; a CA certificate is revoked for one of these two, and either way the CA never issues
 * again.
 */
public enum CaRevocationReason {
  /**
   * The CA's private key is compromised or suspected to be (CPS §6.5.1.8.3 item 3, 当程远未来的 CA
   * 证书出现私钥损害时): RFC 5280 cACompromise, the reason for a CA certificate (keyCompromise is the
   * holder's).
   */
  CA_COMPROMISE(2),
  /** The CA ends its service (CPS §7.5.1.9, 认证机构终止): RFC 5280 cessationOfOperation. */
  CESSATION_OF_OPERATION(5);

  private final int crlReason;

  CaRevocationReason(int crlReason) {
    this.crlReason = crlReason;
  }

  /** The RFC 5280 CRLReason code written on the ARL and in OCSP answers. */
  public int crlReason() {
    return crlReason;
  }
}
