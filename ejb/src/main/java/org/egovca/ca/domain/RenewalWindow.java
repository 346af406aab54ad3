package org.egovca.ca.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a certificate may be renewed online (CPS §6.1.4.6.1, §7.1.3.6): only while it is valid,
 * unrevoked, and within the window before expiry (three months by default). Revoked or expired
 * certificates go through initial vetting instead. Re-key (§6.1.4.7) has no window: a holder may
 * change keys whenever the certificate is still valid.
 */
public record RenewalWindow(Duration beforeExpiry) {

  public RenewalWindow {
    Objects.requireNonNull(beforeExpiry, "beforeExpiry");
    if (beforeExpiry.isNegative()) {
      throw new IllegalArgumentException("the renewal window cannot be negative");
    }
  }

  /** Why {@code certificate} cannot be renewed at {@code now}, or empty when it can. */
  public Optional<String> refusesRenewal(IssuedCertificate certificate, Instant now) {
    return refusesRekey(certificate, now)
        .or(
            () ->
                now.isBefore(certificate.getNotAfter().minus(beforeExpiry))
                    ? Optional.of(
                        "certificate "
                            + certificate.getSerialNumberHex()
                            + " can be renewed only in the "
                            + beforeExpiry.toDays()
                            + " days before it expires at "
                            + certificate.getNotAfter()
                            + " (from "
                            + certificate.getNotAfter().minus(beforeExpiry)
                            + ")")
                    : Optional.empty());
  }

  /** Why {@code certificate} cannot be re-keyed at {@code now}, or empty when it can. */
  public Optional<String> refusesRekey(IssuedCertificate certificate, Instant now) {
    if (certificate.getStatus() == CertificateStatus.REVOKED) {
      return Optional.of(
          "certificate "
              + certificate.getSerialNumberHex()
              + " was revoked at "
              + certificate.getRevokedAt()
              + ": apply for a new certificate through initial vetting");
    }
    if (now.isAfter(certificate.getNotAfter())) {
      return Optional.of(
          "certificate "
              + certificate.getSerialNumberHex()
              + " expired at "
              + certificate.getNotAfter()
              + ": apply for a new certificate through initial vetting");
    }
    return Optional.empty();
  }
}
