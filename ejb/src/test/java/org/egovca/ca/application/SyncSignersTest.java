package org.egovca.ca.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the CA issues a new sync signer for one of its keys. */
class SyncSignersTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
  private static final Duration RENEWAL = Duration.ofDays(10);
  private static final Instant CA_END = NOW.plus(Duration.ofDays(3650));

  @Test
  void aKeyWithoutASignerInForceGetsOne() {
    // a first start, an installation from before sync signers, a key just rolled over
    assertTrue(SyncSigners.due(Optional.empty(), NOW, RENEWAL, CA_END));
  }

  @Test
  void aSignerIsReplacedWhenLessThanTheRenewalPeriodRemains() {
    assertFalse(SyncSigners.due(Optional.of(NOW.plus(Duration.ofDays(30))), NOW, RENEWAL, CA_END));
    assertFalse(SyncSigners.due(Optional.of(NOW.plus(RENEWAL)), NOW, RENEWAL, CA_END));
    assertTrue(
        SyncSigners.due(Optional.of(NOW.plus(RENEWAL).minusSeconds(1)), NOW, RENEWAL, CA_END));
  }

  @Test
  void nearTheCasEndASignerThatEndsWithTheCaIsNotRenewedAgainAndAgain() {
    Instant caEnd = NOW.plus(Duration.ofDays(5));
    assertFalse(SyncSigners.due(Optional.of(caEnd), NOW, RENEWAL, caEnd));
    assertTrue(SyncSigners.due(Optional.of(caEnd.minusSeconds(60)), NOW, RENEWAL, caEnd));
  }
}
