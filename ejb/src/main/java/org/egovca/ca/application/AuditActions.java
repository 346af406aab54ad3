package org.egovca.ca.application;

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

  private AuditActions() {}
}
