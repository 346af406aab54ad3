package org.egovca.kmc.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.junit.jupiter.api.Test;

class FreshnessTest {

  private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
  private static final Duration SKEW = Duration.ofMinutes(5);

  @Test
  void aMessageWithinTheSkewEitherWayIsFresh() {
    assertDoesNotThrow(() -> Freshness.check(NOW, NOW, SKEW));
    assertDoesNotThrow(() -> Freshness.check(NOW.minus(SKEW), NOW, SKEW));
    assertDoesNotThrow(() -> Freshness.check(NOW.plus(SKEW), NOW, SKEW));
  }

  @Test
  void anOldMessageIsStale() {
    KmcProtocolException e =
        assertThrows(
            KmcProtocolException.class,
            () -> Freshness.check(NOW.minus(SKEW).minusSeconds(1), NOW, SKEW));

    assertEquals(Refusal.NOT_FRESH, e.getRefusal());
    assertTrue(e.getMessage().contains("too old"), e.getMessage());
  }

  @Test
  void aMessageFromTheFutureIsRefused() {
    KmcProtocolException e =
        assertThrows(
            KmcProtocolException.class,
            () -> Freshness.check(NOW.plus(SKEW).plusSeconds(1), NOW, SKEW));

    assertEquals(Refusal.NOT_FRESH, e.getRefusal());
    assertTrue(e.getMessage().contains("sender's clock"), e.getMessage());
  }

  @Test
  void aNegativeSkewIsAProgrammingError() {
    assertThrows(
        IllegalArgumentException.class, () -> Freshness.check(NOW, NOW, Duration.ofSeconds(-1)));
  }
}
