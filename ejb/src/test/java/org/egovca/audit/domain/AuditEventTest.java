package org.egovca.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  @Test
  void keepsWhatItIsGiven() {
    AuditEvent event =
        new AuditEvent(
            NOW,
            "ra-1",
            AuditAction.CERTIFICATE_ISSUED,
            "serial=1f",
            AuditOutcome.SUCCESS,
            "personal-sign");

    assertEquals(NOW, event.getOccurredAt());
    assertEquals("ra-1", event.getActor());
    assertEquals("CERTIFICATE_ISSUED", event.getAction());
    assertEquals("serial=1f", event.getTarget());
    assertEquals(AuditOutcome.SUCCESS, event.getOutcome());
    assertEquals("personal-sign", event.getDetail());
  }

  @Test
  void targetAndDetailAreOptional() {
    AuditEvent event =
        new AuditEvent(NOW, "system", AuditAction.CA_CREATED, null, AuditOutcome.SUCCESS, null);

    assertNull(event.getTarget());
    assertNull(event.getDetail());
  }

  @Test
  void truncatesOverlongTextToItsColumnSize() {
    AuditEvent event =
        new AuditEvent(
            NOW,
            "a".repeat(300),
            AuditAction.CERTIFICATE_ISSUED,
            "t".repeat(2000),
            AuditOutcome.FAILURE,
            "d".repeat(5000));

    assertEquals("a".repeat(256), event.getActor());
    assertEquals("t".repeat(1024), event.getTarget());
    assertEquals("d".repeat(2048), event.getDetail());
  }

  @Test
  void requiresTimeActorActionAndOutcome() {
    assertThrows(
        NullPointerException.class,
        () -> new AuditEvent(null, "a", AuditAction.CA_CREATED, null, AuditOutcome.DENIED, null));
    assertThrows(
        NullPointerException.class,
        () -> new AuditEvent(NOW, null, AuditAction.CA_CREATED, null, AuditOutcome.DENIED, null));
    assertThrows(
        NullPointerException.class,
        () -> new AuditEvent(NOW, "a", null, null, AuditOutcome.DENIED, null));
    assertThrows(
        NullPointerException.class,
        () -> new AuditEvent(NOW, "a", AuditAction.CA_CREATED, null, null, null));
  }
}
