package org.egovca.ca.domain;

/** Whether an audited action succeeded, failed on bad input, or was refused for lack of rights. */
public enum AuditOutcome {
  SUCCESS,
  FAILURE,
  DENIED
}
