package org.egovca.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts and stops one CA instance exactly as an operator would ({@code ear/bin/egovca start},
 * {@code serve} and {@code stop}), in a fresh instance directory: on the embedded PostgreSQL server
 * the script runs, or on an external database when {@code settings} name one ({@code
 * EGOVCA_DB_URL}, {@code EGOVCA_DB_USER}, {@code EGOVCA_DB_PASSWORD}). Used by the end-to-end tests
 * and by the load harness.
 */
public final class EarLauncher {

  private final Path home;
  private final int portBase;
  private final int ldapPort;
  private final Map<String, String> settings;

  /**
   * @param settings further {@code EGOVCA_*} environment variables of the start script
   */
  public EarLauncher(Path home, int portBase, int ldapPort, Map<String, String> settings) {
    this.home = home.toAbsolutePath();
    this.portBase = portBase;
    this.ldapPort = ldapPort;
    this.settings = Map.copyOf(settings);
  }

  /** Stops a server left over in the instance directory, wipes it, and starts a fresh one. */
  public CaServer start() {
    try {
      if (Files.isDirectory(home.resolve("domains"))
          || Files.isSymbolicLink(home.resolve("postgresql"))) {
        script("stop");
      }
      deleteRecursively(home);
      Files.createDirectories(home);
      startOrClean();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("cannot start the CA on Payara", e);
    }
    return server();
  }

  /**
   * Wipes the instance directory and runs {@code egovca start} once, with no clean-up afterwards
   * (to see what a failed start leaves behind).
   *
   * @return the script's exit status and output
   */
  public Commands.Result startOnce() throws IOException, InterruptedException {
    deleteRecursively(home);
    Files.createDirectories(home);
    Path log = home.resolve("egovca-start.log");
    ownerOnly(log);
    ProcessBuilder builder =
        new ProcessBuilder("bash", Path.of("bin/egovca").toAbsolutePath().toString(), "start")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    environment(builder);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("egovca start did not finish in 10 minutes");
    }
    return new Commands.Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The running instance as tests see it. */
  public CaServer server() {
    String url = settings.get("EGOVCA_DB_URL");
    if (url == null) {
      return new CaServer(
          home,
          home.resolve("data"),
          "http://localhost:" + (portBase + 80),
          "https://localhost:" + (portBase + 81),
          ldapPort,
          portBase + 48,
          "jdbc:postgresql://127.0.0.1:" + (portBase + 32) + "/egovca",
          "egovca",
          home.resolve("secrets/database.password"));
    }
    return new CaServer(
        home,
        home.resolve("data"),
        "http://localhost:" + (portBase + 80),
        "https://localhost:" + (portBase + 81),
        ldapPort,
        portBase + 48,
        url,
        settings.getOrDefault("EGOVCA_DB_USER", "egovca"),
        null);
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
    startAgain();
  }

  /** {@code egovca start} on the existing instance, as after a crash (no stop first). */
  public void startAgain() throws IOException, InterruptedException {
    script("start", "egovca-restart.log");
  }

  /**
   * {@code egovca serve} on the existing instance, in the background, its output in {@code log}:
   * the caller ends it (SIGTERM stops the server, as Ctrl-C does).
   */
  public Process serve(Path log) throws IOException {
    ownerOnly(log);
    ProcessBuilder builder =
        new ProcessBuilder("bash", Path.of("bin/egovca").toAbsolutePath().toString(), "serve")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    environment(builder);
    return builder.start();
  }

  /**
   * {@code egovca ceremony kind arguments...} with the custodians present typing {@code input}
   * (lines of username and PIN, as from a pipe), its output in {@code egovca-ceremony.log}.
   *
   * @return the script's exit status and output
   */
  public Commands.Result ceremony(String kind, String input, String... arguments)
      throws IOException, InterruptedException {
    Path log = home.resolve("egovca-ceremony.log");
    ownerOnly(log);
    List<String> command =
        new ArrayList<>(
            List.of("bash", Path.of("bin/egovca").toAbsolutePath().toString(), "ceremony", kind));
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    environment(builder);
    Process process = builder.start();
    try (var stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("egovca ceremony " + kind + " did not finish in 5 minutes");
    }
    return new Commands.Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** Runs asadmin against this instance's server, failing with its output if it fails. */
  public void asadmin(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of("target/payara6/bin/asadmin").toAbsolutePath().toString());
    command.add("--port");
    command.add(Integer.toString(portBase + 48));
    command.add("--user");
    command.add("admin");
    command.add("--passwordfile");
    command.add(home.resolve("secrets/asadmin.passwordfile").toString());
    command.add("--interactive=false");
    command.addAll(List.of(arguments));
    Path log = home.resolve("asadmin.log");
    ownerOnly(log);
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

  private void script(String command) throws IOException, InterruptedException {
    script(command, "egovca-" + command + ".log");
  }

  /**
   * Runs {@code egovca command} with its output in {@code logName} (owner-only: a first start's
   * output shows one-time passwords).
   */
  private void script(String command, String logName) throws IOException, InterruptedException {
    Path log = home.resolve(logName);
    ownerOnly(log);
    ProcessBuilder builder =
        new ProcessBuilder("bash", Path.of("bin/egovca").toAbsolutePath().toString(), command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    environment(builder);
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

  private void environment(ProcessBuilder builder) {
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("EGOVCA_"));
    env.putAll(settings);
    env.put("EGOVCA_HOME", home.toString());
    env.put("EGOVCA_PORT_BASE", Integer.toString(portBase));
    env.put("EGOVCA_LDAP_PORT", Integer.toString(ldapPort));
  }

  private static void ownerOnly(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
