package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start script's own safety: it runs as root, so it must never signal a process that is not
 * this instance's server, and never print a password. Runs {@code ear/bin/egovca} itself, in an
 * instance directory of its own; no server is started.
 */
class StartScriptIT {

  private static final Path SCRIPT = Path.of("bin/egovca").toAbsolutePath();

  @TempDir Path home;

  /**
   * After a crash the domain's pid file may name a process that has since taken the pid: {@code
   * egovca stop} (and a failed start's clean-up) must leave it alone rather than kill -9 it.
   */
  @Test
  void stopLeavesAloneAProcessThatAStalePidFileNames() throws Exception {
    Process bystander = new ProcessBuilder("sleep", "300").start();
    try {
      Path config = home.resolve("domains/egovca/config");
      Files.createDirectories(config);
      Files.writeString(config.resolve("pid"), bystander.pid() + "\n");

      Commands.Result stop = script(Map.of(), "stop");

      assertEquals(0, stop.exitCode(), stop.output());
      assertTrue(bystander.isAlive(), "egovca stop killed process " + bystander.pid());
      assertTrue(
          stop.output().contains("names no server of this instance (stale); nothing to kill"),
          stop.output());
    } finally {
      bystander.destroyForcibly();
    }
  }

  /**
   * Single-user PostgreSQL echoes a failed statement after its error: for the role it creates that
   * is {@code CREATE ROLE ... PASSWORD '...'}. What the script prints keeps the error and never the
   * password.
   */
  @Test
  void databaseErrorsArePrintedWithoutThePasswordTheStatementCarried() throws Exception {
    String secret = "Zq8xTr2pLm4Kv7Nw1Yb5Hc3D";
    String output =
        String.join(
            "\n",
            "2026-12-07 08:00:00.000 UTC [4711] LOG:  database system is ready",
            "2026-12-07 08:00:00.100 UTC [4711] ERROR:  role \"egovca\" already exists",
            "2026-12-07 08:00:00.100 UTC [4711] STATEMENT:  CREATE ROLE egovca LOGIN PASSWORD '"
                + secret
                + "' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;",
            "2026-12-07 08:00:00.200 UTC [4711] ERROR:  syntax error at or near \""
                + secret
                + "\" in CREATE ROLE x PASSWORD '"
                + secret
                + "'");

    Commands.Result printed =
        script(
            Map.of("DB_OUTPUT", output, "DB_SECRET", secret),
            "-c",
            "source \"$1\"; db_errors \"$DB_OUTPUT\" \"$DB_SECRET\"");

    assertEquals(0, printed.exitCode(), printed.output());
    assertFalse(printed.output().contains(secret), printed.output());
    assertFalse(printed.output().contains("STATEMENT"), printed.output());
    assertTrue(
        printed.output().contains("ERROR:  role \"egovca\" already exists"), printed.output());
    assertTrue(printed.output().contains("PASSWORD '(hidden)'"), printed.output());
  }

  /** Runs the script (or, with "-c", bash code that sources it) in this test's instance. */
  private Commands.Result script(Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    List<String> command =
        arguments[0].equals("-c")
            ? List.of("bash", "-c", arguments[1], "harness", SCRIPT.toString())
            : List.of("bash", SCRIPT.toString(), arguments[0]);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("EGOVCA_HOME", home.toString());
    builder.environment().put("EGOVCA_PORT_BASE", "29000"); // nothing listens there
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    byte[] printed = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("egovca " + String.join(" ", arguments) + " hung");
    }
    return new Commands.Result(process.exitValue(), new String(printed, StandardCharsets.UTF_8));
  }
}
