package org.egovca.guard;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a request body may take to arrive: {@link #timeout()}, and one second more for every
 * {@link #minBytesPerSecond()} bytes that have arrived. A body that keeps coming at that rate is
 * never late, however large; a client that sends a byte now and then to hold a worker thread (a
 * "slow body") is refused once the timeout is spent, whatever length it declared: time is earned by
 * bytes received, not by bytes promised.
 *
 * @param timeout the time any body has, before its bytes earn more
 * @param minBytesPerSecond the bytes that earn one more second, at least 1
 */
public record BodyDeadline(Duration timeout, long minBytesPerSecond) {

  /**
   * 20 s, and a second for each 16 KiB: an OCSP request of at most 64 KiB has 24 s at most, an 8
   * MiB RA batch sent at 128 kbit/s or faster is never late.
   */
  public static final BodyDeadline DEFAULT = new BodyDeadline(Duration.ofSeconds(20), 16 * 1024);

  public BodyDeadline {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the body timeout must be positive: " + timeout);
    }
    if (minBytesPerSecond < 1) {
      throw new IllegalArgumentException(
          "the minimum body rate must be positive: " + minBytesPerSecond);
    }
  }

  /** The limit in words, for the refusal. */
  public String describe() {
    return "a body has "
        + seconds(timeout)
        + ", and one second more for every "
        + Refusals.size(minBytesPerSecond)
        + " received";
  }

  /** Starts timing a body. */
  Clock start() {
    return new Clock(System.nanoTime());
  }

  /** The time one body has taken so far. */
  final class Clock {
    private final long started;

    private Clock(long started) {
      this.started = started;
    }

    /** Whether a body of which {@code received} bytes have arrived has used up its time. */
    boolean late(long received) {
      return lateAt(System.nanoTime(), received);
    }

    boolean lateAt(long nanoTime, long received) {
      double allowed = timeout.toNanos() + received * 1e9 / minBytesPerSecond;
      return nanoTime - started > allowed;
    }

    String elapsed() {
      return seconds(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
