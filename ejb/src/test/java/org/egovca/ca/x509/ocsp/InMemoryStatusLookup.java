package org.egovca.ca.x509.ocsp;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ocsp.CertID;

/**
 * The test stand-in for the database: fixed issuers, a mutable status table, UNKNOWN for serials
 * not in it.
 */
final class InMemoryStatusLookup implements CertificateStatusLookup {

  private final ResponderIssuers issuers;
  private final Map<String, OcspCertStatus> statuses = new ConcurrentHashMap<>();

  InMemoryStatusLookup(ResponderIssuer... issuers) {
    this.issuers = ResponderIssuers.of(List.of(issuers));
  }

  /** Issuers whose GOOD serial is good and REVOKED serial revoked for key compromise. */
  static InMemoryStatusLookup standard(ResponderIssuer... issuers) {
    InMemoryStatusLookup lookup = new InMemoryStatusLookup(issuers);
    for (ResponderIssuer issuer : issuers) {
      lookup.set(issuer.name(), OcspTestPki.GOOD, OcspCertStatus.GOOD);
      lookup.set(
          issuer.name(),
          OcspTestPki.REVOKED,
          OcspCertStatus.revoked(OcspTestPki.REVOCATION_TIME, OcspTestPki.KEY_COMPROMISE));
    }
    return lookup;
  }

  void set(String caName, BigInteger serial, OcspCertStatus status) {
    statuses.put(caName + "/" + serial, status);
  }

  @Override
  public Optional<ResponderIssuer> issuerOf(CertID certId) {
    return issuers.find(certId);
  }

  @Override
  public OcspCertStatus status(ResponderIssuer issuer, BigInteger serialNumber) {
    return statuses.getOrDefault(issuer.name() + "/" + serialNumber, OcspCertStatus.UNKNOWN);
  }
}
