package org.egovca.delivery.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.egovca.delivery.domain.BusinessType;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.delivery.domain.SyncMode;
import org.junit.jupiter.api.Test;

class SubscriptionFormTest {

  @Test
  void aFormBecomesASubscriptionWhateverTheCase() {
    EgovSystem.Subscription subscription =
        new SubscriptionForm(" https://egov.example.cn/sync ", "batch", 15, List.of("issue", "CRL"))
            .toSubscription();
    assertEquals(SyncMode.BATCH, subscription.mode());
    assertEquals(15, subscription.batchIntervalMinutes());
    assertEquals(EnumSet.of(BusinessType.ISSUE, BusinessType.CRL), subscription.events());
    assertEquals("egov.example.cn", subscription.endpoint().getHost());
  }

  @Test
  void anUnknownModeOrBusinessTypeIsNamed() {
    assertRefused(
        "REALTIME or BATCH", new SubscriptionForm("https://e.cn/s", "weekly", 0, List.of("ISSUE")));
    assertRefused(
        "unknown business type 'PUBLISH'",
        new SubscriptionForm("https://e.cn/s", "REALTIME", 0, List.of("PUBLISH")));
    assertRefused("not a URL", new SubscriptionForm("https://e .cn/s", "REALTIME", 0, List.of()));
    assertRefused("at least one", new SubscriptionForm("https://e.cn/s", "REALTIME", 0, null));
  }

  private static void assertRefused(String words, SubscriptionForm form) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, form::toSubscription);
    assertTrue(refused.getMessage().contains(words), refused.getMessage());
  }
}
