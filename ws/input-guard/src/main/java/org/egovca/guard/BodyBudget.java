package org.egovca.guard;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many bytes of large request bodies the server holds at once. Each guarded request whose body
 * is larger than {@link #SMALL_BODY} reserves its size (for a chunked body, as it arrives) and
 * keeps the reservation until its processing ends, so the memory the parsers and services spend on
 * big requests is bounded however many arrive together; a request that finds the budget spent waits
 * briefly and is then refused as "busy". Small bodies never wait: the container's thread pool
 * already bounds them, and an OCSP request must not queue behind a batch.
 *
 * <p>One budget per class loader: the CA's WARs share the copy in the EAR's {@code lib/}.
 */
public final class BodyBudget {

  /** Bodies up to this size need no reservation. */
  public static final int SMALL_BODY = 64 * 1024;

  /** System property: the budget in bytes. */
  public static final String PROPERTY = "egovca.http.bodyBudgetBytes";

  private static final long WAIT_MILLIS = 2_000;
  private static final int UNIT = 1024; // permits are KiB, so a budget of GiB fits an int

  private static final BodyBudget SHARED = new BodyBudget(defaultBytes());

  private final Semaphore permits;
  private final int total;
  private final long bytes;

  BodyBudget(long bytes) {
    this.bytes = bytes;
    this.total = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / UNIT));
    this.permits = new Semaphore(total, true);
  }

  public static BodyBudget shared() {
    return SHARED;
  }

  /**
   * The budget: {@value #PROPERTY} if set, otherwise an eighth of the maximum heap, at least 16 MiB
   * and at most 256 MiB (64 MiB with Payara's default 512 MiB heap).
   */
  static long defaultBytes() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Long.parseLong(configured.strip());
    }
    long eighth = Runtime.getRuntime().maxMemory() / 8;
    return Math.max(16L << 20, Math.min(256L << 20, eighth));
  }

  public long bytes() {
    return bytes;
  }

  /** A reservation that grows with the body; closing it gives everything back. */
  public Reservation open() {
    return new Reservation();
  }

  /** What one request holds of the budget. */
  public final class Reservation implements AutoCloseable {
    private int held; // permits

    private Reservation() {}

    /**
     * Makes the reservation cover a body of {@code size} bytes, waiting a little for other requests
     * to finish.
     *
     * @return false when the budget stays spent (the request is to be refused as busy)
     */
    public boolean cover(long size) {
      if (size <= SMALL_BODY) {
        return true;
      }
      // a body larger than the whole budget waits until it has the budget to itself
      long wanted = Math.min(total, (size + UNIT - 1) / UNIT);
      if (wanted <= held) {
        return true;
      }
      int more = (int) Math.min(Integer.MAX_VALUE, wanted - held);
      try {
        if (!permits.tryAcquire(more, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      held += more;
      return true;
    }

    @Override
    public void close() {
      permits.release(held);
      held = 0;
    }
  }
}
