package org.egovca.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by the whole machine, the CA server's JVM and this harness, read from Linux
 * {@code /proc}: the difference of two readings says where the CPU went during a measurement
 * (server, client, and the rest: PostgreSQL and anything else running on the machine).
 */
record CpuTimes(long nanoTime, long machineBusyTicks, long serverTicks, long clientTicks) {

  /** Linux reports process and machine CPU time in clock ticks of 1/100 s (USER_HZ). */
  private static final double TICKS_PER_SECOND = 100.0;

  static CpuTimes now(long serverPid) {
    return new CpuTimes(
        System.nanoTime(),
        readMachineBusyTicks(),
        processTicks(serverPid),
        processTicks(ProcessHandle.current().pid()));
  }

  /** Cores in use on average between {@code earlier} and this reading. */
  Share since(CpuTimes earlier) {
    double seconds = (nanoTime - earlier.nanoTime) / 1e9;
    return new Share(
        (machineBusyTicks - earlier.machineBusyTicks) / TICKS_PER_SECOND / seconds,
        (serverTicks - earlier.serverTicks) / TICKS_PER_SECOND / seconds,
        (clientTicks - earlier.clientTicks) / TICKS_PER_SECOND / seconds);
  }

  /** Average cores busy: on the whole machine, in the server JVM, in this harness. */
  record Share(double machine, double server, double client) {
    double rest() {
      return Math.max(0, machine - server - client);
    }

    @Override
    public String toString() {
      return String.format(
          "cores busy: machine %.2f = server %.2f + client %.2f + rest %.2f",
          machine, server, client, rest());
    }
  }

  /** All of {@code /proc/stat}'s first line but idle and iowait. */
  private static long readMachineBusyTicks() {
    String[] fields = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().split("\\s+");
    long busy = 0;
    for (int i = 1; i < fields.length && i <= 8; i++) {
      if (i != 4 && i != 5) {
        busy += Long.parseLong(fields[i]);
      }
    }
    return busy;
  }

  /** utime + stime of {@code /proc/<pid>/stat} (fields 14 and 15; the name may hold spaces). */
  private static long processTicks(long pid) {
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }
}
