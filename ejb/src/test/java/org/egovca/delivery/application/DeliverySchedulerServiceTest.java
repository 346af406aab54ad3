package org.egovca.delivery.application;

import static org.egovca.delivery.application.DeliveryServiceFixtures.issue;
import static org.egovca.delivery.application.DeliveryServiceFixtures.items;
import static org.egovca.delivery.application.DeliveryServiceFixtures.queue;
import static org.egovca.delivery.application.DeliveryServiceFixtures.queueOf;
import static org.egovca.delivery.application.DeliveryServiceFixtures.register;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unique;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unit;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unreachable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.delivery.domain.Delivery;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class DeliverySchedulerServiceTest {

  @Inject DeliveryScheduler scheduler;
  @Inject DeliveryWorker worker;
  @Inject CaConfiguration configuration;

  private static List<Integer> attempts(String queue) {
    return items(queue).stream().map(Delivery::getAttempts).toList();
  }

  @Test
  void aCommittedIssuanceStartsARunThatTriesTheSystemAfterTheCommit() throws Exception {
    String unit = unit();
    String queue = queueOf(register(unique("down"), unit, unreachable()));
    issue(unit, false);
    assertFalse(ServiceTier.tasks().waiting().isEmpty());

    ServiceTier.tasks().runAll();

    assertEquals(List.of(1), attempts(queue));
    assertEquals(1, queue(queue).getFailures());
  }

  @Test
  void requestsForAQueueWaitingForItsRunAreFoldedIntoThatRun() throws Exception {
    String unit = unit();
    String queue = queueOf(register(unique("fold"), unit, unreachable()));
    ServiceTier.tasks().runAll();

    scheduler.request(queue);
    scheduler.request(queue);
    scheduler.request(queue);

    assertEquals(configuration.deliveryWorkers(), ServiceTier.tasks().waiting().size());
    ServiceTier.tasks().runAll();
    assertTrue(ServiceTier.tasks().waiting().isEmpty(), ServiceTier.tasks().toString());
  }

  @Test
  void theTickStartsRunsForQueuesWhoseBackoffIsOverAndLeavesTheOthers() throws Exception {
    String unit = unit();
    String queue = queueOf(register(unique("tick"), unit, unreachable()));
    issue(unit, false);
    ServiceTier.tasks().runAll();
    assertEquals(List.of(1), attempts(queue));

    ServiceTier.clock().advance(Duration.ofMinutes(-1));
    scheduler.tick();
    ServiceTier.tasks().runAll();
    assertEquals(List.of(1), attempts(queue));

    ServiceTier.clock().advance(Duration.ofMinutes(1).plusSeconds(3));
    scheduler.tick();
    ServiceTier.tasks().runAll();
    assertEquals(List.of(2), attempts(queue));
  }
}
