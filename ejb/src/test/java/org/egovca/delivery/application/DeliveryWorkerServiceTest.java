package org.egovca.delivery.application;

import static org.egovca.delivery.application.DeliveryServiceFixtures.issue;
import static org.egovca.delivery.application.DeliveryServiceFixtures.items;
import static org.egovca.delivery.application.DeliveryServiceFixtures.itemsOf;
import static org.egovca.delivery.application.DeliveryServiceFixtures.queue;
import static org.egovca.delivery.application.DeliveryServiceFixtures.queueOf;
import static org.egovca.delivery.application.DeliveryServiceFixtures.register;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unique;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unit;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unreachable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.delivery.domain.Delivery;
import org.egovca.delivery.domain.DeliveryQueue;
import org.egovca.servicetier.OfflineCaToken;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class DeliveryWorkerServiceTest {

  @Inject DeliveryWorker worker;

  /** A system on a closed port with {@code count} items queued for it; its queue. */
  private static String unreachableSystemWithItems(int count) {
    String unit = unit();
    String queue = queueOf(register(unique("down"), unit, unreachable()));
    for (int i = 0; i < count; i++) {
      issue(unit, false);
    }
    return queue;
  }

  @Test
  void aFailedDeliveryKeepsTheErrorOnTheItemAndPutsTheQueueIntoBackoff() {
    String queue = unreachableSystemWithItems(1);

    DeliveryWorker.Run run = worker.drain(queue);

    assertEquals(new DeliveryWorker.Run(true, 0, true, false), run);
    Delivery item = items(queue).get(0);
    assertFalse(item.isDelivered());
    assertEquals(1, item.getAttempts());
    assertNotNull(item.getLastError());
    assertTrue(item.getLastError().startsWith("not delivered: "), item.getLastError());
    DeliveryQueue row = queue(queue);
    assertEquals(1, row.getFailures());
    assertEquals(
        Duration.ofSeconds(2), Duration.between(item.getLastAttemptAt(), row.getNextAttemptAt()));
  }

  @Test
  void aQueueInBackoffIsNotClaimedAndThenRetriesItsFirstItemWaitingLonger() {
    String queue = unreachableSystemWithItems(2);
    worker.drain(queue);

    ServiceTier.clock().advance(Duration.ofMinutes(-1));
    assertEquals(DeliveryWorker.Run.NOT_CLAIMED, worker.drain(queue));
    assertEquals(1, items(queue).get(0).getAttempts());

    ServiceTier.clock().advance(Duration.ofMinutes(1).plusSeconds(3));
    assertTrue(worker.drain(queue).failed());

    // the first item again, never the second ahead of it; the wait doubled
    List<Delivery> items = items(queue);
    assertEquals(List.of(2, 0), items.stream().map(Delivery::getAttempts).toList());
    DeliveryQueue row = queue(queue);
    assertEquals(2, row.getFailures());
    assertEquals(
        Duration.ofSeconds(4),
        Duration.between(items.get(0).getLastAttemptAt(), row.getNextAttemptAt()));
  }

  @Test
  void aDeactivatedSystemsQueueIsNotDrainedAndKeepsItsItems() {
    String unit = unit();
    String name = unique("paused");
    String queue = queueOf(register(name, unit, unreachable()));
    issue(unit, false);
    ServiceTier.inTransaction(
        em ->
            DeliveryServiceFixtures.bean(EgovSystemRegistry.class).setActive(name, false, "test"));

    assertEquals(DeliveryWorker.Run.NOT_CLAIMED, worker.drain(queue));

    assertEquals(List.of(0), items(queue).stream().map(Delivery::getAttempts).toList());
    assertEquals(0, queue(queue).getFailures());
  }

  @Test
  void whileTheCaTokenIsOfflineAnEgovSystemsQueueWaitsWithoutSpendingAnAttempt() {
    String queue = unreachableSystemWithItems(1);

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      assertEquals(DeliveryWorker.Run.NOT_CLAIMED, worker.drain(queue));
      assertEquals(List.of(0), items(queue).stream().map(Delivery::getAttempts).toList());
      assertEquals(0, queue(queue).getFailures());
      // the directory gets what was signed already, token or not
      assertFalse(worker.drain(DeliveryQueue.DIRECTORY).failed());
    }

    assertTrue(worker.drain(queue).claimed(), "delivered again once the token is active");
  }

  @Test
  void theDirectoryQueueDeliversItsItemsAndEndsWithNoFailure() {
    IssuedCertificate certificate = issue(unit(), true);

    DeliveryWorker.Run run;
    do {
      run = worker.drain(DeliveryQueue.DIRECTORY);
      assertFalse(run.failed(), run.toString());
    } while (run.more());

    List<Delivery> items = itemsOf(certificate);
    assertEquals(1, items.size());
    assertTrue(items.get(0).isDelivered());
    assertEquals(0, queue(DeliveryQueue.DIRECTORY).getFailures());
  }
}
