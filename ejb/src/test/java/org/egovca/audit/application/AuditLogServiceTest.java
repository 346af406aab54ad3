package org.egovca.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class AuditLogServiceTest {

  @Inject AuditLog log;

  private static String actor() {
    return "test:" + UUID.randomUUID();
  }

  private static List<AuditEvent> records(String actor) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery("SELECT e FROM AuditEvent e WHERE e.actor = :actor", AuditEvent.class)
                .setParameter("actor", actor)
                .getResultList());
  }

  /** Runs {@code work} in a transaction that then fails and rolls back. */
  private static void inFailingTransaction(Runnable work) {
    assertThrows(
        IllegalStateException.class,
        () ->
            ServiceTier.inTransaction(
                em -> {
                  work.run();
                  throw new IllegalStateException("the action fails after its record");
                }));
  }

  @Test
  void aSuccessIsRecordedWithTheChangeItRecords() {
    String actor = actor();
    ServiceTier.inTransaction(
        em -> {
          log.success(actor, AuditAction.CERTIFICATE_ISSUED, "thing:1", "detail");
          return null;
        });
    AuditEvent record = records(actor).get(0);
    assertEquals(AuditOutcome.SUCCESS, record.getOutcome());
    assertEquals("thing:1", record.getTarget());
  }

  @Test
  void aSuccessIsRecordedOnlyInsideTheChangesTransaction() {
    String actor = actor();
    assertThrows(
        EJBTransactionRequiredException.class,
        () -> log.success(actor, AuditAction.CERTIFICATE_ISSUED, "thing:1", null));
    assertEquals(List.of(), records(actor));
  }

  @Test
  void aSuccessRollsBackWithTheChange() {
    String actor = actor();
    inFailingTransaction(() -> log.success(actor, AuditAction.CERTIFICATE_ISSUED, "thing:1", null));
    assertEquals(List.of(), records(actor));
  }

  @Test
  void aRefusalIsKeptThoughTheRefusedActionRollsBack() {
    String actor = actor();
    inFailingTransaction(
        () ->
            log.refusal(
                actor,
                AuditAction.CERTIFICATE_ISSUED,
                "thing:2",
                AuditOutcome.DENIED,
                "not allowed"));
    List<AuditEvent> records = records(actor);
    assertEquals(1, records.size());
    assertEquals(AuditOutcome.DENIED, records.get(0).getOutcome());
    assertEquals("not allowed", records.get(0).getDetail());
  }
}
