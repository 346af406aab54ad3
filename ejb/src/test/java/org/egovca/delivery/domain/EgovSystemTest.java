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
import org.egovca.ca.domain.ApplicationUnit;
import org.junit.jupiter.api.Test;

class EgovSystemTest {

  private static final URI ENDPOINT = URI.create("https://egov.example.cn/sync");
  private static final URI PLAIN = URI.create("http://egov-test.example.cn/sync");
  private static final ServerTrustAnchors ANCHORS =
      ServerTrustAnchors.parse(TestAnchors.pem(TestAnchors.certificate("CN=Bureau TLS CA")));
  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  @Test
  void aRealTimeSubscriptionHasNoBatchPause() {
    EgovSystem system =
        system(
            new EgovSystem.Subscription(
                ENDPOINT, SyncMode.REALTIME, 30, EnumSet.of(ChangeType.ISSUE), false, ANCHORS));
    assertEquals(Duration.ZERO, system.batchPause());
    assertEquals(0, system.getBatchIntervalMinutes());
  }

  @Test
  void aBatchSubscriptionPausesForItsInterval() {
    EgovSystem system =
        system(
            new EgovSystem.Subscription(
                ENDPOINT, SyncMode.BATCH, 30, EnumSet.of(ChangeType.CRL), false, ANCHORS));
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
                EnumSet.of(ChangeType.REVOKE, ChangeType.ISSUE),
                false,
                ANCHORS));
    assertTrue(system.subscribesTo(ChangeType.ISSUE));
    assertTrue(system.subscribesTo(ChangeType.REVOKE));
    assertFalse(system.subscribesTo(ChangeType.CRL));
    assertEquals(EnumSet.of(ChangeType.ISSUE, ChangeType.REVOKE), system.businessTypes());
  }

  @Test
  void aSubscriptionNamesWhatIsWrong() {
    assertRefused(
        "http:// or https://",
        () ->
            new EgovSystem.Subscription(
                URI.create("ftp://x/y"), SyncMode.REALTIME, 0, issue(), false, ANCHORS));
    assertRefused(
        "http:// or https://",
        () ->
            new EgovSystem.Subscription(
                URI.create("/relative"), SyncMode.REALTIME, 0, issue(), false, ANCHORS));
    assertRefused(
        "between 1 and 1440",
        () -> new EgovSystem.Subscription(ENDPOINT, SyncMode.BATCH, 0, issue(), false, ANCHORS));
    assertRefused(
        "between 1 and 1440",
        () -> new EgovSystem.Subscription(ENDPOINT, SyncMode.BATCH, 1441, issue(), false, ANCHORS));
    assertRefused(
        "at least one",
        () ->
            new EgovSystem.Subscription(ENDPOINT, SyncMode.REALTIME, 0, Set.of(), false, ANCHORS));
    assertRefused(
        "can subscribe to",
        () ->
            new EgovSystem.Subscription(
                ENDPOINT, SyncMode.REALTIME, 0, Set.of(ChangeType.CA_CERTIFICATE), false, ANCHORS));
  }

  @Test
  void aPlainHttpEndpointIsRefusedUnlessAnAdministratorAllowsIt() {
    assertRefused(
        "must be https://",
        () -> new EgovSystem.Subscription(PLAIN, SyncMode.REALTIME, 0, issue(), false, null));
    EgovSystem test =
        system(new EgovSystem.Subscription(PLAIN, SyncMode.REALTIME, 0, issue(), true, null));
    assertTrue(test.isPlainHttpAllowed());
    assertTrue(test.getServerTrustAnchors().isEmpty());
    assertRefused(
        "only for an http://",
        () -> new EgovSystem.Subscription(ENDPOINT, SyncMode.REALTIME, 0, issue(), true, ANCHORS));
    assertRefused(
        "are for https://",
        () -> new EgovSystem.Subscription(PLAIN, SyncMode.REALTIME, 0, issue(), true, ANCHORS));
  }

  @Test
  void anHttpsEndpointNeedsItsServerTrustAnchorsAndKeepsThem() {
    assertRefused(
        "needs its server trust anchors",
        () -> new EgovSystem.Subscription(ENDPOINT, SyncMode.REALTIME, 0, issue(), false, null));
    EgovSystem system =
        system(
            new EgovSystem.Subscription(ENDPOINT, SyncMode.REALTIME, 0, issue(), false, ANCHORS));
    assertEquals(ANCHORS, system.getServerTrustAnchors());
    assertFalse(system.isPlainHttpAllowed());
  }

  @Test
  void aNameIsShortAndPlain() {
    EgovSystem.Subscription subscription =
        new EgovSystem.Subscription(ENDPOINT, SyncMode.REALTIME, 0, issue(), false, ANCHORS);
    ApplicationUnit unit = new ApplicationUnit("U1", "Unit", NOW);
    for (String name : new String[] {"", "-x", "a b", "x".repeat(65), "系统"}) {
      assertRefused("e-gov system name", () -> new EgovSystem(name, unit, subscription, NOW, "t"));
    }
  }

  private static Set<ChangeType> issue() {
    return EnumSet.of(ChangeType.ISSUE);
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
