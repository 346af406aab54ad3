package org.egovca.ra.domain;

/** The grounds on which the RA may reject an application (CPS §6.1.4.2.2, 1 to 5). */
public enum RejectionReason {
  /** 1) identification and authentication were not completed. */
  IDENTITY_NOT_VERIFIED,
  /** 2) the applicant cannot provide the documents required. */
  DOCUMENTS_MISSING,
  /** 3) the applicant does not accept the holder agreement. */
  AGREEMENT_NOT_ACCEPTED,
  /** 4) the fee was not paid. */
  FEE_NOT_PAID,
  /** 5) approving would bring the CA into dispute, legal conflict or loss. */
  RISK_TO_CA
}
