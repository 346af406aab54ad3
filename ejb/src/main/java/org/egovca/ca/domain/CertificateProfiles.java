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

  /** Client account and operator credentials for mutual TLS. */
  public static final String TLS_CLIENT = "tls-client";

  /** Delegated OCSP responder certificates. */
  public static final String OCSP_SIGNER = "ocsp-signer";

  /** The CA's sync signer certificates, which sign its sync messages to e-gov systems. */
  public static final String SYNC_SIGNER = "sync-signer";

  /**
   * The extended key usage "e-Gov CA sync signing" that marks a sync signer certificate: an OID in
   * the UUID arc 2.25 (UUID e51fc8e7-6728-4a50-81a2-117b5f124a43). Reserved for {@link
   * #SYNC_SIGNER}: receivers accept a sync signature only from a certificate of the CA that carries
   * it, so no other profile may.
   */
  public static final String SYNC_SIGNING_PURPOSE = "2.25.304558247052912249665186469044158614083";

  /** Naming rules of CA certificates (tables C.1 and C.2). */
  public static final String CA = "ca";

  private CertificateProfiles() {}
}
