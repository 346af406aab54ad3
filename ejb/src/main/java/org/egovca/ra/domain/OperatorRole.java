package org.egovca.ra.domain;

/** The trusted roles of CPS §7.5.1.2, plus the administrator of one application unit (R19). */
public enum OperatorRole {
  /** 安全管理员: manages operators, their roles and certificates. */
  SECURITY_ADMIN,
  /**
   * 密钥分管员 (CPS §6.5.1.2 item 2, §6.5.2.4): one of the five custodians of the CA key's activation
   * data, at least three of whom must act together. §6.5.2.2 calls the same five "五位密钥管理员", and
   * they take the 密钥管理员's duty of §7.5.1.2 item 4 (2) 5): key recovery for authorised state bodies
   * (judicial key recovery, one custodian asks and two others approve).
   */
  KEY_CUSTODIAN,
  /** 录入员: enters applications and the applicant's documents. */
  ENTRY_CLERK,
  /** 鉴证员: vets and approves or rejects applications; forces revocations. */
  REVIEWER,
  /** 档案管理员: reads the records kept in the archive. */
  ARCHIVE_ADMIN,
  /** 系统维护人员: keeps the system running; no access to applications. */
  SYSTEM_MAINTAINER,
  /** 安全审计人员: reads the audit log; holds no other role. */
  AUDITOR,
  /** Administrator of one application unit: sees only that unit's applications and certificates. */
  UNIT_ADMIN
}
