package org.egovca.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the EAR on a real Payara Server once per test run, exactly as an operator would ({@code
 * ear/bin/egovca start}), on the database named by {@code egovca.it.db} (h2 or postgresql), and
 * stops it when the run ends. Tests receive the running {@link CaServer}.
 */
public final class DeployedEar implements BeforeAllCallback, ParameterResolver {

  private static final String KEY = "egovca-deployed-ear";
  private static final String POSTGRES_DATABASE = "egovca_it";

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CaServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  private static CaServer server(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(KEY, key -> start(), Running.class)
        .server;
  }

  /** Holds the server for the whole run; JUnit closes it when the run ends. */
  private static final class Running implements ExtensionContext.Store.CloseableResource {
    final CaServer server;

    Running(CaServer server) {
      this.server = server;
    }

    @Override
    public void close() throws Exception {
      script(server.home(), server.db(), "stop");
    }
  }

  private static Running start() {
    Security.addProvider(new BouncyCastleProvider());
    String db = System.getProperty("egovca.it.db", "h2");
    Path home = Path.of(System.getProperty("egovca.it.home", "target/it-" + db)).toAbsolutePath();
    int portBase = Integer.getInteger("egovca.it.portBase", 20000);
    int ldapPort = Integer.getInteger("egovca.it.ldapPort", 20389);
    try {
      if (Files.isDirectory(home.resolve("domains"))) {
        script(home, db, "stop");
      }
      deleteRecursively(home);
      Files.createDirectories(home);
      if (db.equals("postgresql")) {
        recreatePostgresDatabase();
      }
      startOrClean(home, db);
    } catch (IOException | InterruptedException | SQLException e) {
      throw new IllegalStateException("cannot start the CA on Payara (" + db + ")", e);
    }
    Path data = home.resolve("data");
    String jdbcUrl =
        db.equals("postgresql")
            ? "jdbc:postgresql://127.0.0.1:5432/" + POSTGRES_DATABASE
            : "jdbc:h2:file:" + data.resolve("db/egovca") + ";AUTO_SERVER=TRUE";
    String jdbcUser = db.equals("postgresql") ? "postgres" : "sa";
    return new Running(
        new CaServer(
            db,
            home,
            data,
            "http://localhost:" + (portBase + 80),
            "https://localhost:" + (portBase + 81),
            ldapPort,
            jdbcUrl,
            jdbcUser));
  }

  /** A failed start must not leave a server behind on the test ports. */
  private static void startOrClean(Path home, String db) throws IOException, InterruptedException {
    try {
      script(home, db, "start");
    } catch (IllegalStateException | IOException e) {
      script(home, db, "stop");
      throw e;
    }
  }

  private static void recreatePostgresDatabase() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + POSTGRES_DATABASE + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + POSTGRES_DATABASE);
    }
  }

  private static void script(Path home, String db, String command)
      throws IOException, InterruptedException {
    Path log = home.resolve("egovca-" + command + ".log");
    Files.createDirectories(home);
    ProcessBuilder builder =
        new ProcessBuilder("bash", Path.of("bin/egovca").toAbsolutePath().toString(), command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("EGOVCA_HOME", home.toString());
    env.put("EGOVCA_PORT_BASE", System.getProperty("egovca.it.portBase", "20000"));
    env.put("EGOVCA_LDAP_PORT", System.getProperty("egovca.it.ldapPort", "20389"));
    env.put("EGOVCA_DB", db);
    env.put("EGOVCA_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + POSTGRES_DATABASE);
    env.put("EGOVCA_DB_USER", "postgres");
    // revocations reach the CRL within a second, so tests need not wait the default 5 minutes
    env.put("EGOVCA_CRL_PUBLISH_DELAY", "1");
    // a one-year certificate is renewable at once, so tests need not wait for the last 3 months
    env.put("EGOVCA_RENEWAL_WINDOW_DAYS", "400");
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
