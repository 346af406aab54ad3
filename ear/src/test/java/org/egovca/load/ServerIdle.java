package org.egovca.load;

import java.time.Duration;

/**
 * Waits until the server has finished the work a measurement left behind (directory publication of
 * the certificates just issued runs after commit, on the server's own threads), so that one
 * figure's backlog does not slow the next.
 */
final class ServerIdle {

  /** Below this many busy cores, two seconds running, the server counts as idle. */
  private static final double IDLE_CORES = 0.2;

  private ServerIdle() {}

  /** Returns the seconds waited. */
  static long await(long serverPid, Duration atMost) throws InterruptedException {
    long started = System.nanoTime();
    int quietSeconds = 0;
    CpuTimes previous = CpuTimes.now(serverPid);
    while (quietSeconds < 2 && System.nanoTime() - started < atMost.toNanos()) {
      Thread.sleep(1000);
      CpuTimes current = CpuTimes.now(serverPid);
      quietSeconds = current.since(previous).server() < IDLE_CORES ? quietSeconds + 1 : 0;
      previous = current;
    }
    return Duration.ofNanos(System.nanoTime() - started).toSeconds();
  }
}
