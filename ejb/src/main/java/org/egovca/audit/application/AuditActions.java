package org.egovca.audit.application;

/** Names of audited actions; one name per kind of event, as auditors search for them. */
public final class AuditActions {

  public static final String CA_CREATED = "CA_CREATED";
  public static final String CA_KEY_ROLLED_OVER = "CA_KEY_ROLLED_OVER";
  public static final String CERTIFICATE_ISSUED = "CERTIFICATE_ISSUED";
  public static final String CERTIFICATE_REVOKED = "CERTIFICATE_REVOKED";
  public static final String CRL_ISSUED = "CRL_ISSUED";
  public static final String DELTA_CRL_ISSUED = "DELTA_CRL_ISSUED";
  public static final String CERTIFICATE_RENEWED = "CERTIFICATE_RENEWED";
  public static final String CERTIFICATE_REKEYED = "CERTIFICATE_REKEYED";
  public static final String PROFILE_PUBLISHED = "PROFILE_PUBLISHED";
  public static final String RA_CLIENT_CREATED = "RA_CLIENT_CREATED";
  public static final String RA_CLIENT_AUTHENTICATION = "RA_CLIENT_AUTHENTICATION";
  public static final String OPERATOR_LOGIN = "OPERATOR_LOGIN";
  public static final String OPERATOR_LOGOUT = "OPERATOR_LOGOUT";
  public static final String OPERATOR_LOCKED = "OPERATOR_LOCKED";
  public static final String OPERATOR_PASSWORD_CHANGED = "OPERATOR_PASSWORD_CHANGED";
  public static final String OPERATOR_CREATED = "OPERATOR_CREATED";
  public static final String OPERATOR_CHANGED = "OPERATOR_CHANGED";
  public static final String OPERATOR_CERTIFICATE_ISSUED = "OPERATOR_CERTIFICATE_ISSUED";
  public static final String APPLICATION_UNIT_CREATED = "APPLICATION_UNIT_CREATED";
  public static final String APPLICATION_SUBMITTED = "APPLICATION_SUBMITTED";
  public static final String APPLICATION_APPROVED = "APPLICATION_APPROVED";
  public static final String APPLICATION_REJECTED = "APPLICATION_REJECTED";
  public static final String APPLICATION_VIEWED = "APPLICATION_VIEWED";
  public static final String FORCED_REVOCATION = "FORCED_REVOCATION";
  public static final String APPLICANT_NOTIFIED = "APPLICANT_NOTIFIED";

  public static final String EGOV_SYSTEM_REGISTERED = "EGOV_SYSTEM_REGISTERED";
  public static final String EGOV_SYSTEM_CHANGED = "EGOV_SYSTEM_CHANGED";
  public static final String EGOV_SYSTEM_ACTIVATED = "EGOV_SYSTEM_ACTIVATED";
  public static final String EGOV_SYSTEM_DEACTIVATED = "EGOV_SYSTEM_DEACTIVATED";
  public static final String DELIVERY_RETRIED = "DELIVERY_RETRIED";
  public static final String QUERY_SERVICE = "QUERY_SERVICE";

  /** Dual control (CPS 7.5.1.2 item 2): a supervised action asked for, and its decision. */
  public static final String DUAL_CONTROL_REQUESTED = "DUAL_CONTROL_REQUESTED";

  public static final String DUAL_CONTROL_APPROVED = "DUAL_CONTROL_APPROVED";
  public static final String DUAL_CONTROL_REJECTED = "DUAL_CONTROL_REJECTED";
  public static final String DUAL_CONTROL_WITHDRAWN = "DUAL_CONTROL_WITHDRAWN";
  public static final String RA_CLIENT_CHANGED = "RA_CLIENT_CHANGED";

  private AuditActions() {}
}
