package org.egovca.ldap.slapd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Debian {@code slapd} running in the foreground on a loopback port, with its configuration
 * file and log in a directory of its own.
 *
 * <p>slapd is started through a small shell watchdog that holds the write end of a pipe from this
 * JVM on its standard input: when the JVM closes it, or dies however abruptly (even {@code kill
 * -9}, when no shutdown hook runs), the pipe reaches end-of-file and the watchdog stops slapd. So a
 * test directory never outlives the JVM that started it.
 */
final class SlapdProcess {

  /** Debian's slapd; {@code apt-get install slapd} provides it. */
  static final Path SLAPD = Path.of("/usr/sbin/slapd");

  /**
   * Runs the command given as arguments in the background, stops it when standard input ends, and
   * exits with its status.
   */
  private static final String WATCHDOG =
      """
      exec 3<&0 0</dev/null
      "$@" &
      slapd=$!
      { read -r _ <&3; kill "$slapd" 2>/dev/null; } &
      watchdog=$!
      wait "$slapd"
      status=$?
      kill "$watchdog" 2>/dev/null
      exit "$status"
      """;

  /** Linux's USER_HZ, the unit of the CPU times in /proc/PID/stat (100 on every usual kernel). */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final Path config;
  private final Path log;
  private final int port;
  private final int ldapsPort;
  private Process process;

  /**
   * @param name a name for messages ("master", "slave")
   * @param config the slapd.conf to run
   * @param log where slapd's standard output and error go
   * @param port the loopback port for {@code ldap://}
   * @param ldapsPort the loopback port for {@code ldaps://}, 0 for none
   */
  SlapdProcess(String name, Path config, Path log, int port, int ldapsPort) {
    this.name = name;
    this.config = config;
    this.log = log;
    this.port = port;
    this.ldapsPort = ldapsPort;
  }

  URI url() {
    return URI.create("ldap://127.0.0.1:" + port);
  }

  /** The {@code ldaps://} URL, by IP address, which the test certificate names. */
  URI ldapsUrl() {
    if (ldapsPort == 0) {
      throw new IllegalStateException("slapd (" + name + ") does not listen for ldaps");
    }
    return URI.create("ldaps://127.0.0.1:" + ldapsPort);
  }

  private synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Starts slapd and waits until it accepts connections.
   *
   * @throws IllegalStateException when slapd exits or does not listen in time; the message carries
   *     the end of its log
   */
  synchronized void start() {
    if (isRunning()) {
      return;
    }
    List<String> command =
        List.of(
            "/bin/sh",
            "-c",
            WATCHDOG,
            "slapd-watchdog",
            SLAPD.toString(),
            "-f",
            config.toString(),
            "-h",
            ldapsPort == 0 ? url() + "/" : url() + "/ " + ldapsUrl() + "/",
            // in the foreground, logging only errors to standard error
            "-d",
            "none");
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + SLAPD, e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!accepts()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "slapd (" + name + ") exited with status " + process.exitValue() + ": " + logTail());
      }
      if (System.nanoTime() > deadline) {
        stop();
        throw new IllegalStateException(
            "slapd (" + name + ") did not listen on " + url() + " in time: " + logTail());
      }
      pause();
    }
  }

  /** Stops slapd (SIGTERM through the watchdog, then SIGKILL if it lingers) and waits for it. */
  synchronized void stop() {
    if (process == null) {
      return;
    }
    Process stopping = process;
    process = null;
    try {
      stopping.getOutputStream().close();
      if (!stopping.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        stopping.descendants().forEach(ProcessHandle::destroyForcibly);
        stopping.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (IOException e) {
      stopping.descendants().forEach(ProcessHandle::destroyForcibly);
      stopping.destroyForcibly();
    } catch (InterruptedException e) {
      stopping.descendants().forEach(ProcessHandle::destroyForcibly);
      stopping.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    while (accepts() && System.nanoTime() < deadline) {
      pause();
    }
  }

  /**
   * The CPU time slapd has used so far (user and system, from {@code /proc}), for the benchmark to
   * show where the machine's cores went; zero when it is not running.
   */
  synchronized Duration cpuTime() {
    if (process == null) {
      return Duration.ZERO;
    }
    return process
        .descendants()
        .filter(child -> child.info().command().map(SLAPD.toString()::equals).orElse(false))
        .findFirst()
        .map(SlapdProcess::cpuTimeOf)
        .orElse(Duration.ZERO);
  }

  private static Duration cpuTimeOf(ProcessHandle slapd) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(slapd.pid()), "stat"));
      // the fields after the command name, which is in parentheses and may hold spaces
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return Duration.ZERO;
    }
  }

  /** The last lines of slapd's log, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for slapd", e);
    }
  }
}
