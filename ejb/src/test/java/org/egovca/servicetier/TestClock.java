package org.egovca.servicetier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The services' clock in the service tier: the system's time until a test moves it, so a rule about
 * 48 hours or 5 minutes is tested by moving the clock, not by waiting.
 */
public final class TestClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** Moves the clock forward (or back, with a negative amount). */
  public void advance(Duration amount) {
    offset = offset.plus(amount);
  }

  /** Back to the system's time. */
  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the services' clock is UTC");
  }
}
