package org.egovca.ca.x509.ocsp;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the CA knows about one serial number, as the {@link CertificateStatusLookup} reports it and
 * the responder puts it into a SingleResponse: RFC 6960 §4.2.1 CertStatus, whose name it carries.
 * OCSP has no expired status: an expired certificate is GOOD here unless it was revoked.
 */
public sealed interface OcspCertStatus {

  /** The certificate was issued by the CA and is not revoked. */
  OcspCertStatus GOOD = new Good();

  /** The CA never issued a certificate with this serial number. */
  OcspCertStatus UNKNOWN = new Unknown();

  /**
   * A revoked certificate.
   *
   * @param revocationTime when it was revoked; sent with one-second precision
   * @param reasonCode the RFC 5280 CRLReason value, or null when no reason is recorded
   */
  static OcspCertStatus revoked(Instant revocationTime, Integer reasonCode) {
    return new Revoked(revocationTime, reasonCode);
  }

  /** See {@link #GOOD}. */
  record Good() implements OcspCertStatus {}

  /** See {@link #UNKNOWN}. */
  record Unknown() implements OcspCertStatus {}

  /** See {@link #revoked}. */
  record Revoked(Instant revocationTime, Integer reasonCode) implements OcspCertStatus {

    /** RFC 5280 §5.3.1 CRLReason values; 7 is unassigned. */
    private static final Set<Integer> REASON_CODES = Set.of(0, 1, 2, 3, 4, 5, 6, 8, 9, 10);

    public Revoked {
      Objects.requireNonNull(revocationTime, "revocationTime");
      if (reasonCode != null && !REASON_CODES.contains(reasonCode)) {
        throw new IllegalArgumentException("not an RFC 5280 CRLReason code: " + reasonCode);
      }
    }
  }
}
