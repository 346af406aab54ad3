package org.egovca.ca.domain;

import java.util.Optional;

/**
 * Why a certificate is revoked: the conditions A–J of CPS §6.1.4.8.1, each mapped to the RFC 5280
 * CRLReason published on CRLs and in OCSP answers. Where the CPS condition names no RFC 5280 reason
 * (H: the holder asks), the reason code is omitted, as RFC 5280 §5.3.1 and GM/T 0015 ask instead of
 * "unspecified". {@link #SUPERSEDED} is the system's own reason when renewal or re-key replaces a
 * certificate.
 */
public enum RevocationReason {
  /** A. 政务机构的证书持有者工作性质发生变化. */
  A_AFFILIATION_CHANGED('A', 3),
  /** B. 证书持有者受到国家法律法规制裁. */
  B_SANCTIONED('B', 9),
  /** C. 证书持有者提供的信息不真实. */
  C_FALSE_INFORMATION('C', 9),
  /** D. 证书持有者没有或无法履行有关规定和义务. */
  D_OBLIGATIONS_NOT_MET('D', 9),
  /** E. 有理由相信或强烈怀疑证书持有者的私钥安全已经受到损害. */
  E_KEY_COMPROMISE('E', 1),
  /** F. 政务机构有理由相信或强烈怀疑其下属雇员的私钥安全已经受到损害. */
  F_EMPLOYEE_KEY_COMPROMISE('F', 1),
  /** G. 和证书持有者达成的证书持有者协议已经终止. */
  G_AGREEMENT_TERMINATED('G', 5),
  /** H. 证书持有者请求撤销其证书. */
  H_HOLDER_REQUEST('H', null),
  /** I. 证书仅用于依赖方主导的系统并由依赖方提出撤销申请. */
  I_RELYING_PARTY_REQUEST('I', 5),
  /** J. 法律、行政法规规定的其他情形. */
  J_LEGAL_REQUIREMENT('J', 9),
  /** Replaced by renewal or re-key (CPS §6.1.4.6, §6.1.4.7). */
  SUPERSEDED(null, 4);

  private final Character cpsCondition;
  private final Integer crlReason;

  RevocationReason(Character cpsCondition, Integer crlReason) {
    this.cpsCondition = cpsCondition;
    this.crlReason = crlReason;
  }

  /** The RFC 5280 CRLReason code, or empty when the reasonCode extension is left out. */
  public Optional<Integer> crlReason() {
    return Optional.ofNullable(crlReason);
  }

  /** The letter of the CPS §6.1.4.8.1 condition, or empty for the system's own reasons. */
  public Optional<Character> cpsCondition() {
    return Optional.ofNullable(cpsCondition);
  }

  /**
   * Reads a reason as an RA writes it: the CPS letter ("E") or the constant name
   * ("E_KEY_COMPROMISE"), case-insensitive.
   */
  public static Optional<RevocationReason> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String value = text.strip().toUpperCase(java.util.Locale.ROOT);
    for (RevocationReason reason : values()) {
      if (reason.name().equals(value)
          || (value.length() == 1
              && reason.cpsCondition != null
              && reason.cpsCondition == value.charAt(0))) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }
}
