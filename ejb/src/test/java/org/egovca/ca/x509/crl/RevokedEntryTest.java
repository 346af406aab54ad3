package org.egovca.ca.x509.crl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevokedEntryTest {

  private static final Instant WHEN = Instant.parse("2026-11-24T08:00:00Z");

  @Test
  void negativeSerialIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RevokedEntry.of(BigInteger.valueOf(-5), WHEN));
    assertTrue(e.getMessage().contains("positive"), e.getMessage());
  }

  @Test
  void zeroSerialIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RevokedEntry.of(BigInteger.ZERO, WHEN));
  }

  @Test
  void serialsUpTo20OctetsAreAccepted() {
    BigInteger twentyOctets = BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE);
    assertEquals(twentyOctets, RevokedEntry.of(twentyOctets, WHEN).serialNumber());

    BigInteger twentyOneOctets = BigInteger.ONE.shiftLeft(159);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RevokedEntry.of(twentyOneOctets, WHEN));
    assertTrue(e.getMessage().contains("20 octets"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 7, 11})
  void valuesThatAreNoCrlReasonAreRefused(int reason) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RevokedEntry.of(BigInteger.TEN, WHEN, reason));
    assertTrue(e.getMessage().contains("reason code " + reason), e.getMessage());
  }

  @Test
  void timesAreCutToSeconds() {
    RevokedEntry entry =
        new RevokedEntry(
            BigInteger.TEN,
            Instant.parse("2026-11-24T08:00:00.999Z"),
            1,
            Instant.parse("2026-11-20T00:00:00.001Z"));
    assertEquals(WHEN, entry.revocationDate());
    assertEquals(Instant.parse("2026-11-20T00:00:00Z"), entry.invalidityDate());
  }

  @Test
  void yearsGeneralizedTimeCannotExpressAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RevokedEntry.of(BigInteger.TEN, Instant.parse("+10000-01-01T00:00:00Z")));
  }

  @Test
  void missingValuesAreRefused() {
    assertThrows(NullPointerException.class, () -> RevokedEntry.of(null, WHEN));
    assertThrows(NullPointerException.class, () -> RevokedEntry.of(BigInteger.TEN, null));
  }
}
