package org.egovca.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  @Test
  void eachItemCarriesItsOwnMessageId() {
    Delivery first = item();
    Delivery second = item();
    assertEquals(first.getMessageId(), UUID.fromString(first.getMessageId()).toString());
    assertNotEquals(first.getMessageId(), second.getMessageId());
  }

  @Test
  void aFailureCountsTheAttemptAndKeepsTheItemPendingWithItsError() {
    Delivery item = item();
    item.failed(NOW, "connection refused");
    assertEquals(1, item.getAttempts());
    assertEquals("connection refused", item.getLastError());
    assertFalse(item.isDelivered());
    assertNull(item.getDeliveredAt());

    item.delivered(NOW.plusSeconds(3));
    assertEquals(2, item.getAttempts());
    assertTrue(item.isDelivered());
    assertEquals(NOW.plusSeconds(3), item.getDeliveredAt());
  }

  @Test
  void aLongErrorIsCutToItsColumnAndAMissingOneIsNamed() {
    Delivery item = item();
    item.failed(NOW, "x".repeat(2000));
    assertEquals(512, item.getLastError().length());
    item.failed(NOW, " ");
    assertEquals("unknown error", item.getLastError());
  }

  @Test
  void aCaCertificateIsKeptAsACopy() {
    byte[] der = {1, 2, 3};
    Delivery item = Delivery.ofCaCertificate(DeliveryQueue.DIRECTORY, "ca", der, "CA", NOW);
    der[0] = 9;
    assertEquals(1, item.getCaCertificate()[0]);
    assertEquals(DeliveryKind.CA_CERTIFICATE, item.getKind());
  }

  private static Delivery item() {
    return Delivery.ofCertificate(
        DeliveryQueue.DIRECTORY, ChangeType.ISSUE, "iFutureCA", 7, "serial 7 CN=x", NOW);
  }
}
