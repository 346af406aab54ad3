package org.egovca.ca.domain;

/**
 * Names of the profiles the CA's own code refers to. The definitions themselves are data ({@code
 * profiles/*.properties}, imported into the database); see {@link ProfileDefinitions}.
 */
public final class CertificateProfiles {

  /** Personal signing certificate, GM/T 0015 table C.3. */
  public static final String PERSONAL_SIGN = "personal-sign";

  /** The CA's HTTPS server certificate. */
  public static final String TLS_SERVER = "tls-server";

  /** RA client credentials for mutual TLS. */
  public static final String TLS_CLIENT = "tls-client";

  /** Delegated OCSP responder certificates. */
  public static final String OCSP_SIGNER = "ocsp-signer";

  /** Naming rules of CA certificates (tables C.1 and C.2). */
  public static final String CA = "ca";

  private CertificateProfiles() {}
}
