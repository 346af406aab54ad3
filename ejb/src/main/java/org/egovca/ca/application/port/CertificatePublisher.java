package org.egovca.ca.application.port;

/**
 * Port for publishing certificates and CRLs to a repository that relying parties read (CPS
 * §6.1.4.4.2, §6.1.4.9, §7.3.3.3), such as the LDAP directory. Implementations live in adapter
 * modules and are called by a delivery worker after the issuing transaction has committed, with the
 * latest state of what they publish; a failure is reported, never thrown, so that the delivery
 * queue retries it. Every method is idempotent: repeating a call that already took effect changes
 * nothing and reports success.
 */
public interface CertificatePublisher {

  /** Short name of the target, for logs and the delivery queue (for example "ldap"). */
  String target();

  /**
   * Publishes a CA certificate on the CA's entry ({@code cACertificate;binary}); link certificates
   * made by a key rollover (NewWithOld, OldWithNew) go the same way.
   */
  PublicationResult caCertificateAdded(PublishedCertificate caCertificate);

  /** Publishes an end-entity certificate ({@code userCertificate;binary} on the holder's entry). */
  PublicationResult certificateAdded(PublishedCertificate certificate);

  /**
   * Tells the repository that a certificate no longer belongs there; what happens to the entry is
   * the publisher's documented policy (for example: the value is removed on revocation and expiry).
   */
  PublicationResult certificateWithdrawn(PublishedCertificate certificate, Withdrawal why);

  /** Publishes a CRL on the issuing CA's entry, replacing the previous one of the same kind. */
  PublicationResult crlAdded(PublishedCrl crl);

  /** Why a certificate leaves the repository. */
  enum Withdrawal {
    /** It was revoked; the CRL tells relying parties why. */
    REVOKED,
    /** It expired. */
    EXPIRED,
    /** The holder declined publication (CPS §6.1.4.4.2). */
    NOT_CONSENTED
  }
}
