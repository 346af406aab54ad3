package org.egovca.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.egovca.ra.domain.ApplicationUnit;
import org.junit.jupiter.api.Test;

class EgovSystemTest {

  private static final URI ENDPOINT = URI.create("https://egov.example.cn/sync");
  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  @Test
  void aRealTimeSubscriptionHasNoBatchPause() {
    EgovSystem system =
        system(
            new EgovSystem.Subscription(
                ENDPOINT, SyncMode.REALTIME, 30, EnumSet.of(BusinessType.ISSUE)));
    assertEquals(Duration.ZERO, system.batchPause());
    assertEquals(0, system.getBatchIntervalMinutes());
  }

  @Test
  void aBatchSubscriptionPausesForItsInterval() {
    EgovSystem system =
        system(
            new EgovSystem.Subscription(
                ENDPOINT, SyncMode.BATCH, 30, EnumSet.of(BusinessType.CRL)));
    assertEquals(Duration.ofMinutes(30), system.batchPause());
  }

  @Test
  void theSystemReceivesOnlyTheBusinessTypesItChose() {
    EgovSystem system =
        system(
            new EgovSystem.Subscription(
                ENDPOINT,
                SyncMode.REALTIME,
                0,
                EnumSet.of(BusinessType.REVOKE, BusinessType.ISSUE)));
    assertTrue(system.subscribesTo(BusinessType.ISSUE));
    assertTrue(system.subscribesTo(BusinessType.REVOKE));
    assertFalse(system.subscribesTo(BusinessType.CRL));
    assertEquals(EnumSet.of(BusinessType.ISSUE, BusinessType.REVOKE), system.events());
  }

  @Test
  void aSubscriptionNamesWhatIsWrong() {
    assertRefused(
        "http:// or https://",
        () -> new EgovSystem.Subscription(URI.create("ftp://x/y"), SyncMode.REALTIME, 0, issue()));
    assertRefused(
        "http:// or https://",
        () -> new EgovSystem.Subscription(URI.create("/relative"), SyncMode.REALTIME, 0, issue()));
    assertRefused(
        "between 1 and 1440",
        () -> new EgovSystem.Subscription(ENDPOINT, SyncMode.BATCH, 0, issue()));
    assertRefused(
        "between 1 and 1440",
        () -> new EgovSystem.Subscription(ENDPOINT, SyncMode.BATCH, 1441, issue()));
    assertRefused(
        "at least one",
        () -> new EgovSystem.Subscription(ENDPOINT, SyncMode.REALTIME, 0, Set.of()));
    assertRefused(
        "can subscribe to",
        () ->
            new EgovSystem.Subscription(
                ENDPOINT, SyncMode.REALTIME, 0, Set.of(BusinessType.CA_CERTIFICATE)));
  }

  @Test
  void aNameIsShortAndPlain() {
    EgovSystem.Subscription subscription =
        new EgovSystem.Subscription(ENDPOINT, SyncMode.REALTIME, 0, issue());
    ApplicationUnit unit = new ApplicationUnit("U1", "Unit", NOW);
    for (String name : new String[] {"", "-x", "a b", "x".repeat(65), "系统"}) {
      assertRefused("e-gov system name", () -> new EgovSystem(name, unit, subscription, NOW, "t"));
    }
  }

  private static Set<BusinessType> issue() {
    return EnumSet.of(BusinessType.ISSUE);
  }

  private static EgovSystem system(EgovSystem.Subscription subscription) {
    return new EgovSystem(
        "tax-bureau", new ApplicationUnit("U1", "Unit", NOW), subscription, NOW, "test");
  }

  private static void assertRefused(String words, Runnable action) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(refused.getMessage().contains(words), refused.getMessage());
  }
}
