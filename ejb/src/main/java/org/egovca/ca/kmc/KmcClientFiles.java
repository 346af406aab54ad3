package org.egovca.ca.kmc;

import java.nio.file.Path;

/**
 * Where the CA keeps what it needs to talk to the KMC, in its own data directory ({@code
 * kmc-client/}): its protocol certificate (published there for the KMC to pin), the KMC's pinned
 * protocol certificate, and its TLS client credential for the KMC's HTTPS listener.
 */
record KmcClientFiles(Path dataDirectory) {

  Path directory() {
    return dataDirectory.resolve("kmc-client");
  }

  /** The CA's protocol certificate, which the KMC pins. */
  Path caCertificate() {
    return directory().resolve("ca-protocol.pem");
  }

  /** The KMC's protocol certificate as the CA pinned it. */
  Path pinnedKmcCertificate() {
    return directory().resolve("trusted-kmc.pem");
  }

  /**
   * Where the KMC publishes its protocol certificate, pinned from there on the first use: {@code
   * egovca.kmc.certificate}, by default the KMC's directory in the same data directory.
   */
  Path publishedKmcCertificate() {
    String configured = System.getProperty("egovca.kmc.certificate");
    return configured != null
        ? Path.of(configured)
        : dataDirectory.resolve("kmc").resolve("kmc-protocol.pem");
  }

  Path tlsCredential() {
    return directory().resolve("tls-client.p12");
  }

  Path tlsCredentialPassword() {
    return directory().resolve("tls-client.password");
  }

  /** The anchor of the KMC's HTTPS certificate: the CA's own RSA TLS CA. */
  Path tlsTrustAnchor() {
    return dataDirectory.resolve("tls-ca.pem");
  }
}
