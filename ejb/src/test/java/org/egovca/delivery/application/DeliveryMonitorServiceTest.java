package org.egovca.delivery.application;

import static org.egovca.delivery.application.DeliveryServiceFixtures.issue;
import static org.egovca.delivery.application.DeliveryServiceFixtures.items;
import static org.egovca.delivery.application.DeliveryServiceFixtures.login;
import static org.egovca.delivery.application.DeliveryServiceFixtures.queueOf;
import static org.egovca.delivery.application.DeliveryServiceFixtures.register;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unique;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unit;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unreachable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class DeliveryMonitorServiceTest {

  @Inject DeliveryMonitor monitor;

  private static String maintainer() {
    return login(OperatorRole.SYSTEM_MAINTAINER).token();
  }

  @Test
  void retryingAnUnknownQueueIsRefusedNamingIt() {
    String queue = unique("no-queue");
    Refusal refused = assertThrows(Refusal.class, () -> monitor.retry(maintainer(), queue));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("queue", refused.problems().get(0).field());
    assertTrue(refused.getMessage().contains(queue), refused.getMessage());
    assertTrue(ServiceTier.tasks().waiting().isEmpty(), ServiceTier.tasks().toString());
    assertEquals(0, DeliveryServiceFixtures.count("AuditEvent", "target", "queue:" + queue));
  }

  @Test
  void inspectingAnUnknownItemIsRefusedNamingIt() {
    Refusal refused = assertThrows(Refusal.class, () -> monitor.item(maintainer(), Long.MAX_VALUE));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("delivery", refused.problems().get(0).field());
  }

  @Test
  void anOperatorWithoutTheMaintainersRoleMayNeitherSeeNorRetryAndIsAudited() throws Exception {
    String unit = unit();
    String queue = queueOf(register(unique("seen"), unit, unreachable()));
    issue(unit, false);
    long item = items(queue).get(0).getId();
    DeliveryServiceFixtures.Login admin = login(OperatorRole.SECURITY_ADMIN);

    assertDenied(() -> monitor.queues(admin.token()));
    assertDenied(() -> monitor.items(admin.token(), queue));
    assertDenied(() -> monitor.item(admin.token(), item));
    assertDenied(() -> monitor.retry(admin.token(), queue));

    // the item was not touched, and the denial of the retry is on record
    assertEquals(0, items(queue).get(0).getAttempts());
    assertTrue(
        DeliveryServiceFixtures.audit("operator:" + admin.username(), AuditAction.DELIVERY_RETRIED)
            .stream()
            .anyMatch(e -> e.getOutcome() == AuditOutcome.DENIED && queue.equals(e.getTarget())));
  }

  @Test
  void theMaintainerSeesAFailedItemWithItsErrorAndHisRetryRunsItAgainAudited() throws Exception {
    String unit = unit();
    String name = unique("down");
    String queue = queueOf(register(name, unit, unreachable()));
    issue(unit, false);
    ServiceTier.tasks().runAll();

    DeliveryMonitor.QueueSummary summary =
        monitor.queues(maintainer()).stream()
            .filter(c -> c.name().equals(queue))
            .findFirst()
            .orElseThrow();
    assertEquals(name, summary.label());
    assertEquals(1, summary.pending());
    assertEquals(1, summary.failures());
    assertTrue(summary.lastError().startsWith("not delivered: "), summary.lastError());
    List<DeliveryMonitor.DeliveryView> shown = monitor.items(maintainer(), queue);
    assertEquals(1, shown.size());
    assertEquals(1, shown.get(0).attempts());
    assertEquals(summary.lastError(), shown.get(0).lastError());
    assertEquals(shown.get(0), monitor.item(maintainer(), shown.get(0).id()));

    monitor.retry(maintainer(), queue);
    ServiceTier.tasks().runAll();

    assertEquals(2, items(queue).get(0).getAttempts());
    String actor = "operator:" + login(OperatorRole.SYSTEM_MAINTAINER).username();
    assertTrue(
        DeliveryServiceFixtures.audit(actor, AuditAction.DELIVERY_RETRIED).stream()
            .anyMatch(
                e ->
                    e.getOutcome() == AuditOutcome.SUCCESS
                        && e.getTarget().equals("queue:" + queue)));
  }

  @Test
  void aCallWithoutAnOpenSessionIsRefused() {
    Refusal refused = assertThrows(Refusal.class, () -> monitor.queues("no-such-session"));
    assertEquals(RefusalCode.SESSION_ENDED, refused.code());
  }

  private static void assertDenied(org.junit.jupiter.api.function.Executable call) {
    assertEquals(RefusalCode.NOT_AUTHORIZED, assertThrows(Refusal.class, call).code());
  }
}
