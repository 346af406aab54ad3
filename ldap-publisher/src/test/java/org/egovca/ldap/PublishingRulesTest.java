package org.egovca.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.egovca.ca.application.port.CertificatePublisher.Withdrawal;
import org.egovca.ldap.PublishingRules.OnWithdrawal;
import org.junit.jupiter.api.Test;

class PublishingRulesTest {

  private static PublishingRules rules(Map<String, String> properties) {
    return PublishingRules.from(new ConfigurationValues(properties::get));
  }

  @Test
  void byDefaultPublishesEverythingOfEveryCaAndRemovesWithdrawnCertificates() {
    PublishingRules defaults = rules(Map.of());
    for (PublishedItem item : PublishedItem.values()) {
      assertTrue(defaults.publishes("any CA", item), item.toString());
    }
    for (Withdrawal why : Withdrawal.values()) {
      assertEquals(OnWithdrawal.REMOVE, defaults.onWithdrawal(why), why.toString());
    }
    assertTrue(defaults.deleteEmptyEntries());
  }

  @Test
  void publishesOnlyTheListedCasAndItems() {
    PublishingRules narrow =
        rules(
            Map.of(
                "egovca.ldap.rules.caNames", " iFutureCA-SM2 , iFutureCA-Root ",
                "egovca.ldap.rules.items", "caCertificate,crl,ARL"));
    assertTrue(narrow.publishes("ifutureca-sm2", PublishedItem.CRL), "CA names ignore case");
    assertTrue(narrow.publishes("iFutureCA-Root", PublishedItem.ARL));
    assertFalse(narrow.publishes("iFutureCA-SM2", PublishedItem.HOLDER_CERTIFICATE));
    assertFalse(narrow.publishes("iFutureCA-SM2", PublishedItem.DELTA_CRL));
    assertFalse(narrow.publishes("iFutureCA-RSA", PublishedItem.CA_CERTIFICATE));
    assertFalse(narrow.covers("iFutureCA-RSA"));
  }

  @Test
  void keepsRevokedOrExpiredCertificatesWhenToldButNeverAgainstTheHoldersWill() {
    PublishingRules keeping =
        rules(
            Map.of(
                "egovca.ldap.rules.onRevoked", "KEEP",
                "egovca.ldap.rules.onExpired", "keep",
                "egovca.ldap.rules.deleteEmptyEntries", "false"));
    assertEquals(OnWithdrawal.KEEP, keeping.onWithdrawal(Withdrawal.REVOKED));
    assertEquals(OnWithdrawal.KEEP, keeping.onWithdrawal(Withdrawal.EXPIRED));
    assertEquals(OnWithdrawal.REMOVE, keeping.onWithdrawal(Withdrawal.NOT_CONSENTED));
    assertFalse(keeping.deleteEmptyEntries());
  }

  @Test
  void namesTheMalformedProperty() {
    for (Map.Entry<String, String> malformed :
        Map.of(
                "egovca.ldap.rules.onRevoked", "delete",
                "egovca.ldap.rules.onExpired", "yes",
                "egovca.ldap.rules.items", "crl,certificates",
                "egovca.ldap.rules.deleteEmptyEntries", "sometimes")
            .entrySet()) {
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () -> rules(Map.ofEntries(malformed)),
              malformed::toString);
      assertTrue(refused.getMessage().contains(malformed.getKey()), refused.getMessage());
    }
  }
}
