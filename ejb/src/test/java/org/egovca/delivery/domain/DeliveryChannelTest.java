package org.egovca.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryChannelTest {

  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  @Test
  void anEgovSystemsChannelNamesItsId() {
    assertEquals("egov-system-42", DeliveryChannel.ofEgovSystem(42));
    assertEquals(42L, DeliveryChannel.egovSystemId("egov-system-42"));
    assertNull(DeliveryChannel.egovSystemId(DeliveryChannel.DIRECTORY));
  }

  @Test
  void consecutiveFailuresWaitLongerAndADrainedChannelStartsAfresh() {
    DeliveryChannel channel = new DeliveryChannel(DeliveryChannel.DIRECTORY, NOW);
    channel.failed(NOW, Backoff.LONGEST);
    assertEquals(NOW.plusSeconds(2), channel.getNextAttemptAt());
    channel.failed(NOW, Backoff.LONGEST);
    assertEquals(2, channel.getFailures());
    assertEquals(NOW.plusSeconds(4), channel.getNextAttemptAt());

    channel.failed(NOW, Duration.ofSeconds(3));
    assertEquals(NOW.plusSeconds(3), channel.getNextAttemptAt());

    channel.drained(NOW, Duration.ZERO);
    assertEquals(0, channel.getFailures());
    assertEquals(NOW, channel.getNextAttemptAt());
  }

  @Test
  void aBatchSubscriptionWaitsForItsNextBatchAndAnOperatorCanEndTheWait() {
    DeliveryChannel channel = new DeliveryChannel("egov-system-1", NOW);
    channel.drained(NOW, Duration.ofMinutes(30));
    assertEquals(NOW.plus(Duration.ofMinutes(30)), channel.getNextAttemptAt());
    channel.retryNow(NOW.plusSeconds(5));
    assertEquals(NOW.plusSeconds(5), channel.getNextAttemptAt());
  }
}
