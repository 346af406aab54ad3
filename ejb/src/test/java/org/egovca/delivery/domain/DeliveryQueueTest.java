package org.egovca.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryQueueTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  @Test
  void anEgovSystemsQueueNamesItsId() {
    assertEquals("egov-system-42", DeliveryQueue.ofEgovSystem(42));
    assertEquals(42L, DeliveryQueue.egovSystemId("egov-system-42"));
    assertNull(DeliveryQueue.egovSystemId(DeliveryQueue.DIRECTORY));
  }

  @Test
  void consecutiveFailuresWaitLongerAndADrainedQueueStartsAfresh() {
    DeliveryQueue queue = new DeliveryQueue(DeliveryQueue.DIRECTORY, NOW);
    queue.failed(NOW, Backoff.LONGEST);
    assertEquals(NOW.plusSeconds(2), queue.getNextAttemptAt());
    queue.failed(NOW, Backoff.LONGEST);
    assertEquals(2, queue.getFailures());
    assertEquals(NOW.plusSeconds(4), queue.getNextAttemptAt());

    queue.failed(NOW, Duration.ofSeconds(3));
    assertEquals(NOW.plusSeconds(3), queue.getNextAttemptAt());

    queue.drained(NOW, Duration.ZERO);
    assertEquals(0, queue.getFailures());
    assertEquals(NOW, queue.getNextAttemptAt());
  }

  @Test
  void aBatchSubscriptionWaitsForItsNextBatchAndAnOperatorCanEndTheWait() {
    DeliveryQueue queue = new DeliveryQueue("egov-system-1", NOW);
    queue.drained(NOW, Duration.ofMinutes(30));
    assertEquals(NOW.plus(Duration.ofMinutes(30)), queue.getNextAttemptAt());
    queue.retryNow(NOW.plusSeconds(5));
    assertEquals(NOW.plusSeconds(5), queue.getNextAttemptAt());
  }
}
