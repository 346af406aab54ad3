package org.egovca.ldap.slapd;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads a directory with OpenLDAP's {@code ldapsearch} (Debian ldap-utils), anonymously, as a
 * relying party does: a client independent of the publisher's, so that what the tests see is what
 * the directory serves. Output is LDIF without line wrapping ({@code -o ldif-wrap=no}); binary
 * values come base64-encoded ({@code attr:: ...}) and are decoded.
 *
 * <p>{@code LDAPNOINIT} keeps the machine's {@code ldap.conf} and {@code ~/.ldaprc} out of the way.
 */
public final class Ldapsearch {

  /** Debian's ldapsearch; {@code apt-get install ldap-utils} provides it. */
  public static final Path LDAPSEARCH = Path.of("/usr/bin/ldapsearch");

  /** ldapsearch's exit status when the search base does not exist. */
  private static final int NO_SUCH_OBJECT = 32;

  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(50);

  private final URI url;
  private final String baseDn;

  /**
   * @param url the directory, e.g. a slave's {@code ldap://127.0.0.1:port}
   * @param baseDn where searches start
   */
  public Ldapsearch(URI url, String baseDn) {
    requireInstalled();
    this.url = url;
    this.baseDn = baseDn;
  }

  /** Fails with a message saying what to install when ldapsearch is missing. */
  static void requireInstalled() {
    if (!Files.isExecutable(LDAPSEARCH)) {
      throw new IllegalStateException(
          LDAPSEARCH + " is missing: install Debian ldap-utils (apt-get install ldap-utils)");
    }
  }

  /**
   * The values of {@code attribute} (e.g. {@code userCertificate;binary}) in all entries under the
   * base that match {@code filter}; empty when there are none or the base does not exist.
   */
  public List<byte[]> values(String filter, String attribute) {
    List<byte[]> values = new ArrayList<>();
    String prefix = attribute.toLowerCase(Locale.ROOT) + ":";
    for (String line : search(filter, attribute)) {
      if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        String rest = line.substring(prefix.length());
        values.add(
            rest.startsWith(":")
                ? Base64.getDecoder().decode(rest.substring(1).strip())
                : rest.strip().getBytes(StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  /** The DNs of the entries under the base that match {@code filter}. */
  public List<String> dns(String filter) {
    List<String> dns = new ArrayList<>();
    for (String line : search(filter, "1.1")) {
      if (line.startsWith("dn:: ")) {
        dns.add(
            new String(
                Base64.getDecoder().decode(line.substring(5).strip()), StandardCharsets.UTF_8));
      } else if (line.startsWith("dn: ")) {
        dns.add(line.substring(4).strip());
      }
    }
    return dns;
  }

  /** The number of entries under the base that match {@code filter}. */
  public int count(String filter) {
    return dns(filter).size();
  }

  /**
   * Polls {@link #values} until {@code until} accepts them, as replication takes a moment to reach
   * a slave.
   *
   * @return the accepted values
   * @throws AssertionError with the last values seen when {@code timeout} passes first
   */
  public List<byte[]> awaitValues(
      String filter, String attribute, Predicate<List<byte[]>> until, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<byte[]> values = values(filter, attribute);
      if (until.test(values)) {
        return values;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            url
                + " still holds "
                + values.size()
                + " value(s) of "
                + attribute
                + " for "
                + filter
                + " after "
                + timeout);
      }
      sleep(POLL);
    }
  }

  /**
   * Polls {@link #count} until it reaches {@code expected}.
   *
   * @return the time it took
   * @throws AssertionError with the last count when {@code timeout} passes first
   */
  public Duration awaitCount(String filter, int expected, Duration timeout) {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    while (true) {
      int count = count(filter);
      if (count == expected) {
        return Duration.ofNanos(System.nanoTime() - started);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            url + " holds " + count + " entries matching " + filter + ", not " + expected);
      }
      sleep(POLL);
    }
  }

  private List<String> search(String filter, String attribute) {
    ProcessBuilder builder =
        new ProcessBuilder(
                LDAPSEARCH.toString(),
                "-x",
                "-LLL",
                "-o",
                "ldif-wrap=no",
                "-o",
                "nettimeout=10",
                "-H",
                url.toString(),
                "-b",
                baseDn,
                filter,
                attribute)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("LDAPNOINIT", "1");
    try {
      Path output = Files.createTempFile("ldapsearch", ".ldif");
      try {
        Process process =
            builder
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("ldapsearch did not finish in " + RUN_TIMEOUT);
        }
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.exitValue();
        if (status == NO_SUCH_OBJECT) {
          return List.of();
        }
        if (status != 0) {
          throw new IllegalStateException(
              "ldapsearch " + filter + " on " + url + " exited with " + status + ": " + errors);
        }
        return Files.readAllLines(output, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running ldapsearch", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the directory", e);
    }
  }
}
