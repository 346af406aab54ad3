package org.egovca.ca.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenewalWindowTest {

  private final Instant notBefore = Instant.parse("2026-01-01T00:00:00Z");
  private final Instant notAfter = notBefore.plus(Duration.ofDays(365));
  private final RenewalWindow threeMonths = new RenewalWindow(Duration.ofDays(90));

  private IssuedCertificate certificate() {
    return TestCertificates.valid(notBefore, notAfter);
  }

  @Test
  void renewalBeforeTheWindowIsRefusedWithTheDateItOpens() {
    Optional<String> refusal =
        threeMonths.refusesRenewal(certificate(), notAfter.minus(Duration.ofDays(91)));
    assertTrue(refusal.orElseThrow().contains("only in the 90 days before it expires"));
    assertTrue(refusal.orElseThrow().contains(notAfter.minus(Duration.ofDays(90)).toString()));
  }

  @Test
  void renewalInsideTheWindowIsAllowed() {
    assertEquals(
        Optional.empty(),
        threeMonths.refusesRenewal(certificate(), notAfter.minus(Duration.ofDays(89))));
  }

  @Test
  void expiredCertificatesGoThroughInitialVetting() {
    assertTrue(
        threeMonths
            .refusesRenewal(certificate(), notAfter.plusSeconds(1))
            .orElseThrow()
            .contains("initial vetting"));
    assertTrue(threeMonths.refusesRekey(certificate(), notAfter.plusSeconds(1)).isPresent());
  }

  @Test
  void revokedCertificatesAreNeitherRenewedNorReKeyed() {
    IssuedCertificate certificate = certificate();
    Instant at = notAfter.minus(Duration.ofDays(10));
    certificate.revoke(at, RevocationReason.E_KEY_COMPROMISE, RevocationInitiator.HOLDER);
    assertTrue(threeMonths.refusesRenewal(certificate, at.plusSeconds(1)).isPresent());
    assertTrue(
        threeMonths.refusesRekey(certificate, at.plusSeconds(1)).orElseThrow().contains("revoked"));
  }

  @Test
  void reKeyHasNoWindow() {
    assertEquals(
        Optional.empty(), threeMonths.refusesRekey(certificate(), notBefore.plusSeconds(60)));
  }

  @Test
  void negativeWindowIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RenewalWindow(Duration.ofDays(-1)));
  }
}
