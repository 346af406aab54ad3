package org.egovca.ca.x509.ocsp;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.CertID;

/**
 * A fixed set of issuers with CertID matching, for {@link CertificateStatusLookup#issuerOf}
 * implementations. A CA system serves a handful of CAs, so a linear scan over precomputed hashes is
 * as fast as any index and needs no invalidation.
 */
public final class ResponderIssuers {

  private final List<ResponderIssuer> issuers;

  private ResponderIssuers(List<ResponderIssuer> issuers) {
    this.issuers = issuers;
  }

  public static ResponderIssuers of(Collection<ResponderIssuer> issuers) {
    return new ResponderIssuers(List.copyOf(issuers));
  }

  /** The first issuer that {@code certId} names, if any. */
  public Optional<ResponderIssuer> find(CertID certId) {
    for (ResponderIssuer issuer : issuers) {
      if (issuer.matches(certId)) {
        return Optional.of(issuer);
      }
    }
    return Optional.empty();
  }

  public List<ResponderIssuer> all() {
    return issuers;
  }
}
