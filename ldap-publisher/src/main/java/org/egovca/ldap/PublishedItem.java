package org.egovca.ldap;

import org.egovca.ca.application.port.PublishedCrl;

/**
 * The five things the publisher puts in the directory. Each goes to one attribute, which {@link
 * PublishingAttributes} names, and {@link PublishingRules} say whether it is published at all. All
 * but the holder certificate belong on a CA's entry (RFC 4523 §2, X.509 §11.2: {@code pkiCA} and
 * {@code deltaCRL}).
 */
enum PublishedItem {
  /** An end-entity certificate, on the holder's entry. */
  HOLDER_CERTIFICATE("holderCertificate", false),
  /** A CA certificate, including the link certificates of a key rollover. */
  CA_CERTIFICATE("caCertificate", true),
  /** A full CRL of end-entity certificates. */
  CRL("crl", true),
  /** An authority revocation list: the CRL of CA certificates. */
  ARL("arl", true),
  /** A delta CRL. */
  DELTA_CRL("deltaCrl", true);

  private final String configurationName;
  private final boolean onCaEntry;

  PublishedItem(String configurationName, boolean onCaEntry) {
    this.configurationName = configurationName;
    this.onCaEntry = onCaEntry;
  }

  /** The item's name in configuration properties and lists. */
  String configurationName() {
    return configurationName;
  }

  /** Whether the item is published on a CA's entry rather than a holder's. */
  boolean onCaEntry() {
    return onCaEntry;
  }

  /** The item a CRL of {@code kind} is. */
  static PublishedItem of(PublishedCrl.Kind kind) {
    return switch (kind) {
      case CRL -> CRL;
      case ARL -> ARL;
      case DELTA -> DELTA_CRL;
    };
  }
}
