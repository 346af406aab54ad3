package org.egovca.ca.domain;

/**
 * The certificate types of CPS §6.1.2, plus the CA's own service and CA certificates, which no RA
 * can request.
 */
public enum CertificateType {
  /** 个人证书: staff of government departments and citizens taking part in e-government. */
  PERSONAL,
  /** 机构证书: government bodies and the enterprises and institutions dealing with them. */
  ORGANISATION,
  /** 设备证书, SSL server certificate: serverAuth, host names in subjectAltName. */
  DEVICE_SSL,
  /** 设备证书, IPSec VPN device certificate. */
  DEVICE_IPSEC,
  /** 其他类型证书, code signing. */
  CODE_SIGNING,
  /** The CA's own HTTPS server certificate and its client accounts' and operators' credentials. */
  SERVICE,
  /** CA certificates (GM/T 0015 tables C.1 and C.2). */
  CA;

  /**
   * Whether certificates of this type belong to holders (CPS §6.1.2), whom the RAs serve; the CA's
   * own service and CA certificates are not theirs to revoke, renew or re-key.
   */
  public boolean isHolderCertificate() {
    return this != SERVICE && this != CA;
  }
}
