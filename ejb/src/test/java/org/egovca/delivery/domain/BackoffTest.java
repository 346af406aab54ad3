package org.egovca.delivery.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void noFailureMeansNoWait() {
    assertEquals(Duration.ZERO, Backoff.after(0));
  }

  @Test
  void theWaitDoublesFromTwoSeconds() {
    assertEquals(Duration.ofSeconds(2), Backoff.after(1));
    assertEquals(Duration.ofSeconds(4), Backoff.after(2));
    assertEquals(Duration.ofSeconds(256), Backoff.after(8));
  }

  @Test
  void theWaitNeverExceedsFiveMinutesHoweverLongTheOutage() {
    assertEquals(Duration.ofMinutes(5), Backoff.after(9));
    assertEquals(Duration.ofMinutes(5), Backoff.after(10_000));
  }

  @Test
  void aShorterLongestWaitIsKept() {
    assertEquals(Duration.ofSeconds(4), Backoff.after(2, Duration.ofSeconds(5)));
    assertEquals(Duration.ofSeconds(5), Backoff.after(3, Duration.ofSeconds(5)));
  }
}
