package org.egovca.ca.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssuedCrlTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));

  private final CertificateAuthority ca = ca("iFutureCA-RSA");

  @Test
  void aCompleteCrlHasNoBase() {
    IssuedCrl complete = new IssuedCrl(ca, 5, NOW, IN_AN_HOUR, 0, new byte[] {1}, "test");
    assertFalse(complete.isDelta());
    assertEquals(Optional.empty(), complete.getBaseCrlNumber());
  }

  @Test
  void aDeltaCrlUpdatesAnEarlierCompleteCrl() {
    IssuedCrl delta = IssuedCrl.delta(ca, 6, 5, NOW, IN_AN_HOUR, 1, new byte[] {1}, "test");
    assertTrue(delta.isDelta());
    assertEquals(Optional.of(5L), delta.getBaseCrlNumber());
    assertThrows(
        IllegalArgumentException.class,
        () -> IssuedCrl.delta(ca, 6, 6, NOW, IN_AN_HOUR, 1, new byte[1], "test"));
    assertThrows(
        IllegalArgumentException.class,
        () -> IssuedCrl.delta(ca, 6, 0, NOW, IN_AN_HOUR, 1, new byte[1], "test"));
  }

  @Test
  void aCaNameEndingInDeltaIsRefusedBecauseItsCrlUrlWouldBeAnotherCasDeltaCrl() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> ca("iFutureCA-delta"));
    assertTrue(refused.getMessage().contains("delta CRL of CA iFutureCA"), refused.getMessage());
  }

  private static CertificateAuthority ca(String name) {
    return new CertificateAuthority(
        name,
        "CN=" + name + ",C=CN",
        null,
        "alias",
        "RSA_2048",
        BigInteger.TEN,
        NOW,
        NOW.plus(Duration.ofDays(3650)),
        new byte[] {1},
        NOW);
  }
}
