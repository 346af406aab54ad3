package org.egovca.delivery.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.egovca.delivery.domain.ChangeType;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.delivery.domain.SyncMode;
import org.egovca.delivery.domain.TestAnchors;
import org.junit.jupiter.api.Test;

class SubscriptionFormTest {

  private static final String ANCHORS =
      TestAnchors.pem(TestAnchors.certificate("CN=Bureau TLS CA,C=CN"));

  @Test
  void aFormBecomesASubscriptionWhateverTheCase() {
    EgovSystem.Subscription subscription =
        new SubscriptionForm(
                " https://egov.example.cn/sync ",
                "batch",
                15,
                List.of("issue", "CRL"),
                false,
                ANCHORS)
            .toSubscription();
    assertEquals(SyncMode.BATCH, subscription.syncMode());
    assertEquals(15, subscription.batchIntervalMinutes());
    assertEquals(EnumSet.of(ChangeType.ISSUE, ChangeType.CRL), subscription.businessTypes());
    assertEquals("egov.example.cn", subscription.endpoint().getHost());
    assertEquals(1, subscription.serverTrustAnchors().certificates().size());
  }

  @Test
  void aPlainHttpEndpointNeedsTheAdministratorsExplicitAllowance() {
    SubscriptionForm withoutAllowance =
        new SubscriptionForm("http://egov-test.cn/sync", "REALTIME", 0, List.of("CRL"), false, "");
    assertRefused(
        "must be https:// (plain http:// only for a test system an administrator explicitly"
            + " allows plain HTTP for)",
        withoutAllowance);
    assertTrue(
        new SubscriptionForm("http://egov-test.cn/sync", "REALTIME", 0, List.of("CRL"), true, null)
            .toSubscription()
            .plainHttpAllowed());
    assertRefused(
        "server trust anchors are not PEM certificates",
        new SubscriptionForm(
            "https://e.cn/s",
            "REALTIME",
            0,
            List.of("CRL"),
            false,
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
  }

  @Test
  void anUnknownModeOrBusinessTypeIsNamed() {
    assertRefused(
        "REALTIME or BATCH",
        new SubscriptionForm("https://e.cn/s", "weekly", 0, List.of("ISSUE"), false, ANCHORS));
    assertRefused(
        "unknown business type 'PUBLISH'",
        new SubscriptionForm("https://e.cn/s", "REALTIME", 0, List.of("PUBLISH"), false, ANCHORS));
    assertRefused(
        "not a URL",
        new SubscriptionForm("https://e .cn/s", "REALTIME", 0, List.of(), false, ANCHORS));
    assertRefused(
        "at least one",
        new SubscriptionForm("https://e.cn/s", "REALTIME", 0, null, false, ANCHORS));
  }

  private static void assertRefused(String words, SubscriptionForm form) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, form::toSubscription);
    assertTrue(refused.getMessage().contains(words), refused.getMessage());
  }
}
