package org.egovca.ca.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/**
 * What OCSP responders and sync signers share: their certificates' subjects differ only in OU and
 * role, and one renewal rule, with each kind's own setting, decides when a CA key certifies a new
 * one (the sync signer's side is {@link SyncSignersTest}).
 */
class DelegatedSignersTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
  private static final Instant CA_END = NOW.plus(Duration.ofDays(3650));

  @Test
  void eachKindNamesItsSignerAfterTheCaAndItsRole() {
    assertEquals(
        new X500Name(BCStyle.INSTANCE, "C=CN,O=iFutureCA,OU=OCSP,CN=SM2 CA OCSP Responder"),
        OcspResponders.RESPONDER.subject("SM2 CA"));
    assertEquals(
        new X500Name(BCStyle.INSTANCE, "C=CN,O=iFutureCA,OU=Sync,CN=SM2 CA Sync Signer"),
        SyncSigners.SIGNER.subject("SM2 CA"));
  }

  @Test
  void aSevenDayResponderIsReplacedWhenLessThanThreeDaysRemainByDefault() {
    Duration renewal = OcspResponders.RESPONDER.renewal().apply(new CaConfiguration());
    assertEquals(Duration.ofDays(3), renewal);
    Optional<Instant> fourDaysLeft = Optional.of(NOW.plus(Duration.ofDays(4)));
    Optional<Instant> twoDaysLeft = Optional.of(NOW.plus(Duration.ofDays(2)));
    assertFalse(DelegatedSigners.due(fourDaysLeft, NOW, renewal, CA_END));
    assertTrue(DelegatedSigners.due(twoDaysLeft, NOW, renewal, CA_END));
  }
}
