package org.egovca.ra.domain;

/** Where an application stands. Approval carries the request out in the same transaction. */
public enum ApplicationState {
  /** Entered by an entry clerk, waiting for a reviewer's decision. */
  SUBMITTED,
  /** Approved by a reviewer; the certificate was issued, renewed, re-keyed or revoked. */
  APPROVED,
  /** Rejected by a reviewer with a reason; the applicant is notified. */
  REJECTED
}
