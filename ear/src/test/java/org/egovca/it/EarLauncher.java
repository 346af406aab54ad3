package org.egovca.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts and stops one CA instance exactly as an operator would ({@code ear/bin/egovca start} and
 * {@code stop}), in a fresh instance directory, on H2 or on a PostgreSQL database of its own that
 * is dropped and created anew. Used by the end-to-end tests and by the load harness.
 */
public final class EarLauncher {

  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

  private final String db;
  private final Path home;
  private final int portBase;
  private final int ldapPort;
  private final String postgresDatabase;
  private final Map<String, String> settings;

  /**
   * @param db h2 or postgresql
   * @param postgresDatabase the database the instance owns when {@code db} is postgresql
   * @param settings further {@code EGOVCA_*} environment variables of the start script
   */
  public EarLauncher(
      String db,
      Path home,
      int portBase,
      int ldapPort,
      String postgresDatabase,
      Map<String, String> settings) {
    this.db = db;
    this.home = home.toAbsolutePath();
    this.portBase = portBase;
    this.ldapPort = ldapPort;
    this.postgresDatabase = postgresDatabase;
    this.settings = Map.copyOf(settings);
  }

  /** Stops a server left over in the instance directory, wipes it, and starts a fresh one. */
  public CaServer start() {
    try {
      if (Files.isDirectory(home.resolve("domains"))) {
        script("stop");
      }
      deleteRecursively(home);
      Files.createDirectories(home);
      if (db.equals("postgresql")) {
        recreatePostgresDatabase();
      }
      startOrClean();
    } catch (IOException | InterruptedException | SQLException e) {
      throw new IllegalStateException("cannot start the CA on Payara (" + db + ")", e);
    }
    Path data = home.resolve("data");
    String jdbcUrl =
        db.equals("postgresql")
            ? POSTGRES + postgresDatabase
            : "jdbc:h2:file:" + data.resolve("db/egovca") + ";AUTO_SERVER=TRUE";
    String jdbcUser = db.equals("postgresql") ? "postgres" : "sa";
    return new CaServer(
        db,
        home,
        data,
        "http://localhost:" + (portBase + 80),
        "https://localhost:" + (portBase + 81),
        ldapPort,
        jdbcUrl,
        jdbcUser);
  }

  public void stop() throws IOException, InterruptedException {
    script("stop");
  }

  /**
   * Stops the server and starts it again on the same instance directory and database. The start's
   * output goes to {@code egovca-restart.log}: {@code egovca-start.log} keeps the first start's,
   * with the first security administrator's one-time password.
   */
  public void restart() throws IOException, InterruptedException {
    script("stop");
    script("start", "egovca-restart.log");
  }

  /** Runs asadmin against this instance's server, failing with its output if it fails. */
  public void asadmin(String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of("target/payara6/bin/asadmin").toAbsolutePath().toString());
    command.add("--port");
    command.add(Integer.toString(portBase + 48));
    command.add("--interactive=false");
    command.addAll(List.of(arguments));
    Path log = home.resolve("asadmin.log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "asadmin " + String.join(" ", arguments) + " failed; see " + log);
    }
  }

  /** The Payara server's process id, from the pid file the domain writes. */
  public long serverPid() throws IOException {
    return Long.parseLong(
        Files.readString(home.resolve("domains/egovca/config/pid"), StandardCharsets.US_ASCII)
            .strip());
  }

  /** A failed start must not leave a server behind on the ports. */
  private void startOrClean() throws IOException, InterruptedException {
    try {
      script("start");
    } catch (IllegalStateException | IOException e) {
      script("stop");
      throw e;
    }
  }

  private void recreatePostgresDatabase() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + postgresDatabase);
    }
  }

  private void script(String command) throws IOException, InterruptedException {
    script(command, "egovca-" + command + ".log");
  }

  private void script(String command, String logName) throws IOException, InterruptedException {
    Path log = home.resolve(logName);
    Files.createDirectories(home);
    ProcessBuilder builder =
        new ProcessBuilder("bash", Path.of("bin/egovca").toAbsolutePath().toString(), command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.putAll(settings);
    env.put("EGOVCA_HOME", home.toString());
    env.put("EGOVCA_PORT_BASE", Integer.toString(portBase));
    env.put("EGOVCA_LDAP_PORT", Integer.toString(ldapPort));
    env.put("EGOVCA_DB", db);
    env.put("EGOVCA_DB_URL", POSTGRES + postgresDatabase);
    env.put("EGOVCA_DB_USER", "postgres");
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("egovca " + command + " did not finish in 10 minutes");
    }
    if (process.exitValue() != 0) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      throw new IllegalStateException(
          "egovca "
              + command
              + " failed with exit code "
              + process.exitValue()
              + ":\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size())));
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
