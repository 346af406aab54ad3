package org.egovca.audit.domain;

/** Whether an audited action succeeded, failed on bad input, or was refused for lack of rights. */
public enum AuditOutcome {
  SUCCESS,
  FAILURE,
  DENIED
}
