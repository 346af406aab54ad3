package org.egovca.audit.domain;

/**
 * What an audit event records was done or tried (CPS §6.5.1.4.1, 事件的内容): one name per kind of
 * action, whatever its outcome, as auditors search for them. A refused attempt is recorded with the
 * action it tried and the outcome DENIED (a reviewer approving their own application: {@link
 * #APPLICATION_APPROVED}, DENIED), so the log has one vocabulary for successes and denials. Stored
 * by name in {@code audit_event.action}.
 */
public enum AuditAction {
  // the CA core
  CA_CREATED,
  CA_KEY_ROLLED_OVER,
  CA_CERTIFICATE_REVOKED,
  CERTIFICATE_ISSUED,
  CERTIFICATE_RENEWED,
  CERTIFICATE_REKEYED,
  CERTIFICATE_REVOKED,
  CRL_ISSUED,
  DELTA_CRL_ISSUED,
  PROFILE_PUBLISHED,

  // client accounts: remote RAs, and the e-gov systems' query-service credentials (events recorded
  // before V15 keep the names RA_CLIENT_CREATED, RA_CLIENT_CHANGED, RA_CLIENT_AUTHENTICATION)
  REMOTE_RA_REGISTERED,
  REMOTE_RA_CHANGED,
  CLIENT_AUTHENTICATION,

  // operators and their console sessions
  OPERATOR_AUTHENTICATION,
  OPERATOR_LOGIN,
  OPERATOR_SESSION_RESUMED,
  OPERATOR_LOGOUT,
  OPERATOR_LOCKED,
  OPERATOR_PASSWORD_CHANGED,
  OPERATOR_CREATED,
  OPERATOR_CHANGED,
  OPERATOR_CERTIFICATE_ISSUED,
  OPERATORS_LISTED,
  APPLICATION_UNIT_CREATED,
  APPLICATION_UNITS_LISTED,

  // applications at the RA
  PROFILES_LISTED,
  APPLICATION_SUBMITTED,
  DOCUMENT_ADDED,
  APPLICATION_APPROVED,
  APPLICATION_REJECTED,
  FORCED_REVOCATION,
  APPLICANT_NOTIFIED,
  WORKLOAD_VIEWED,
  APPLICATIONS_SEARCHED,
  APPLICATION_VIEWED,
  DOCUMENT_VIEWED,
  ENVELOPED_KEY_DOWNLOADED,
  CERTIFICATES_SEARCHED,
  CERTIFICATE_VIEWED,
  AUDIT_LOG_VIEWED,

  // signing keys the CA generates on the applicant's written request (CPS §6.1.4.10.1): made at
  // the approval, handed over once, destroyed unclaimed
  KEY_PAIR_GENERATED,
  GENERATED_KEY_HANDED_OVER,
  GENERATED_KEY_DESTROYED,

  // recoveries of escrowed encryption keys (CPS §7.1.3.8): asked for, approved or rejected, carried
  // out (the KMC made the envelope), the envelope collected, and the auditor's list
  KEY_RECOVERY_REQUESTED,
  KEY_RECOVERY_APPROVED,
  KEY_RECOVERY_REJECTED,
  ENCRYPTION_KEY_RECOVERED,
  RECOVERED_KEY_COLLECTED,
  KEY_RECOVERIES_LISTED,

  // dual control (CPS §7.5.1.2 item 2): a supervised action asked for, and its decision
  DUAL_CONTROL_REQUESTED,
  DUAL_CONTROL_APPROVED,
  DUAL_CONTROL_REJECTED,
  DUAL_CONTROL_WITHDRAWN,
  DUAL_CONTROL_REQUESTS_LISTED,
  DUAL_CONTROL_REQUEST_VIEWED,

  // the information services
  EGOV_SYSTEM_REGISTERED,
  EGOV_SYSTEM_ACTIVATED,
  EGOV_SYSTEM_DEACTIVATED,
  EGOV_SYSTEMS_LISTED,
  DELIVERIES_VIEWED,
  DELIVERY_RETRIED,
  QUERY_SERVICE,

  // key custody: one action per kind of key ceremony
  KEY_CUSTODIANS_ENROLLED,
  TOKEN_ACTIVATED,
  KEY_BACKED_UP,
  KEY_RESTORED,
  KEY_DESTROYED,
  CUSTODIANS_RESHARED,
  CA_REVOCATION_CEREMONY,
  CA_KEY_ROLLOVER_CEREMONY,
  /**
   * An operator tried to host a key ceremony at the console: recorded when refused (no session, or
   * no HOST_KEY_CEREMONY); a ceremony hosted is recorded under its own action above, naming its
   * host.
   */
  KEY_CEREMONY_HOSTED
}
