package org.egovca.ca.application.port;

/**
 * Port for publishing certificates to a repository that relying parties read (CPS §6.1.4.4.2,
 * §6.1.4.9), such as the LDAP directory. Implementations live in adapter modules and are called
 * after the issuing transaction has committed; a failure is reported, never thrown into issuance.
 */
public interface CertificatePublisher {

  /** Short name of the target, for logs and the audit trail (for example "ldap"). */
  String target();

  /** Publishes a CA certificate ({@code cACertificate;binary} on the CA's entry). */
  PublicationResult caCertificateAdded(PublishedCertificate caCertificate);

  /** Publishes an end-entity certificate ({@code userCertificate;binary} on the holder's entry). */
  PublicationResult certificateAdded(PublishedCertificate certificate);
}
