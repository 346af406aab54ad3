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
import org.egovca.ra.application.FormValidation;
import org.junit.jupiter.api.Test;

/**
 * A subscription form names an unknown sync mode or business type with its constraints; the
 * subscription it makes keeps the e-gov system's own rules (https, trust anchors, a URL).
 */
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
  void aValidFormHasNoProblems() {
    assertEquals(
        List.of(),
        FormValidation.problems(
            new SubscriptionForm(
                "https://e.cn/s", " batch ", 15, List.of("issue", " CRL"), false, ANCHORS)));
  }

  @Test
  void anUnknownModeIsNamed() {
    assertProblems(
        List.of("syncMode egovSystem.syncMode: the sync mode must be REALTIME or BATCH"),
        new SubscriptionForm("https://e.cn/s", "weekly", 0, List.of("ISSUE"), false, ANCHORS));
    assertProblems(
        List.of("syncMode egovSystem.syncMode: the sync mode must be REALTIME or BATCH"),
        new SubscriptionForm("https://e.cn/s", null, 0, List.of("ISSUE"), false, ANCHORS));
  }

  @Test
  void anUnknownBusinessTypeIsNamed() {
    assertProblems(
        List.of(
            "businessTypes[1].<list element> egovSystem.businessType: unknown business type"
                + " 'PUBLISH': choose among ISSUE, RENEW, REKEY, REVOKE, CRL"),
        new SubscriptionForm(
            "https://e.cn/s", "REALTIME", 0, List.of("ISSUE", "PUBLISH"), false, ANCHORS));
  }

  /** The pattern of the business types names exactly those an e-gov system may subscribe to. */
  @Test
  void theBusinessTypesAreThoseAnEgovSystemMaySubscribeTo() {
    for (ChangeType type : ChangeType.values()) {
      SubscriptionForm form =
          new SubscriptionForm(
              "https://e.cn/s", "REALTIME", 0, List.of(type.name()), false, ANCHORS);
      assertEquals(
          EgovSystem.SUBSCRIBABLE.contains(type),
          FormValidation.problems(form).isEmpty(),
          type.name());
    }
  }

  @Test
  void atLeastOneBusinessTypeIsChosen() {
    for (List<String> none : java.util.Arrays.asList(null, List.<String>of())) {
      assertProblems(
          List.of(
              "businessTypes egovSystem.businessTypes: choose at least one business type to"
                  + " receive"),
          new SubscriptionForm("https://e.cn/s", "REALTIME", 0, none, false, ANCHORS));
    }
  }

  @Test
  void anEndpointThatIsNotAUrlIsNamedBySubscription() {
    assertRefused(
        "not a URL",
        new SubscriptionForm("https://e .cn/s", "REALTIME", 0, List.of("CRL"), false, ANCHORS));
  }

  private static void assertProblems(List<String> problems, SubscriptionForm form) {
    assertEquals(
        problems,
        FormValidation.problems(form).stream()
            .map(p -> p.field() + " " + p.key() + ": " + p.message())
            .toList());
  }

  private static void assertRefused(String words, SubscriptionForm form) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, form::toSubscription);
    assertTrue(refused.getMessage().contains(words), refused.getMessage());
  }
}
