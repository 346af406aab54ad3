package org.egovca.delivery.domain;

import java.time.Duration;

/**
 * How long a queue waits after consecutive failures before it tries its first item again: doubling
 * from 2 seconds up to a longest wait (5 minutes by default), so a target that is down for hours
 * costs a call every few minutes, and one that is back is tried again soon.
 */
public final class Backoff {

  static final Duration FIRST = Duration.ofSeconds(2);

  /** The default longest wait. */
  public static final Duration LONGEST = Duration.ofMinutes(5);

  private Backoff() {}

  /** The wait after the {@code failures}-th consecutive failure (1 for the first). */
  public static Duration after(int failures) {
    return after(failures, LONGEST);
  }

  /** As {@link #after(int)}, never longer than {@code longest}. */
  public static Duration after(int failures, Duration longest) {
    if (failures < 1) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - 1, 20);
    Duration wait = FIRST.multipliedBy(1L << doublings);
    return wait.compareTo(longest) > 0 ? longest : wait;
  }
}
