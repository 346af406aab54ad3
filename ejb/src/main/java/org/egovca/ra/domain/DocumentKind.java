package org.egovca.ra.domain;

/** The scanned documents an application carries (CPS §6.1.3.2.2-6.1.3.2.4). */
public enum DocumentKind {
  /** The applicant's (or the agent's) identity document. */
  ID_DOCUMENT,
  /** Business licence or organisation code certificate. */
  BUSINESS_LICENCE,
  /** The organisation's letter authorising the agent. */
  AUTHORISATION_LETTER,
  /** The signed application form and holder agreement. */
  APPLICATION_FORM,
  /**
   * The applicant's written request that the CA generate the signing key pair for them (CPS
   * §6.1.4.10.1: "如果用户书面申请并经程远未来批准").
   */
  KEY_GENERATION_REQUEST,
  OTHER
}
