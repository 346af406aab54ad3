package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.egovca.ldap.slapd.SlapdPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing listens that need not, nothing is readable that should not be (issue 11, finding 2): the
 * running instance, as {@code ear/bin/egovca start} left it, seen from outside with the tools an
 * administrator would use ({@code ss}, {@code ps}, file permissions, asadmin, a TLS client).
 */
@ExtendWith(DeployedEar.class)
class ServerLockdownIT {

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private static final Pattern LISTENER =
      Pattern.compile("^LISTEN\\s+\\S+\\s+\\S+\\s+(\\S+):(\\d+)\\s+\\S+\\s+users:\\((.*)\\)\\s*$");

  @Test
  void onlyHttpAndHttpsListenBeyondLoopback(CaServer server) throws Exception {
    int http = URI.create(server.httpBase()).getPort();
    int https = URI.create(server.httpsBase()).getPort();
    Set<Long> instance = Set.of(server.serverPid(), server.databasePid());
    List<String> seen = new ArrayList<>();
    List<String> exposed = new ArrayList<>();
    String sockets = Commands.ok(Path.of("."), "ss", "-ltnpH");
    for (String line : sockets.split("\n")) {
      Matcher listener = LISTENER.matcher(line.strip());
      if (!listener.matches() || !ofProcesses(listener.group(3), instance)) {
        continue;
      }
      String address = listener.group(1);
      int port = Integer.parseInt(listener.group(2));
      seen.add(address + ":" + port);
      if (!loopback(address) && port != http && port != https) {
        exposed.add(line.strip());
      }
    }
    int database = URI.create(server.jdbcUrl().substring("jdbc:".length())).getPort();
    assertTrue(seen.contains("127.0.0.1:" + database), "the database on loopback: " + seen);
    assertTrue(exposed.isEmpty(), "listening beyond loopback: " + exposed);
  }

  @Test
  void theDatabaseHasNoUnixSocket(CaServer server) throws Exception {
    String sockets = Commands.ok(Path.of("."), "ss", "-lxpH");
    assertFalse(
        sockets.contains("pid=" + server.databasePid() + ","),
        "the embedded PostgreSQL server listens on a unix socket: " + sockets);
  }

  @Test
  void noFileOfTheInstanceIsOpenToOtherAccounts(CaServer server) throws Exception {
    assertEquals(
        Set.of(), openToOthers(server.home()), "the instance directory itself must be owner-only");
    List<Path> open = new ArrayList<>();
    for (Path tree :
        List.of(
            server.home().resolve("domains"),
            server.home().resolve("secrets"),
            server.dataDirectory(),
            server.databaseCluster().toRealPath())) {
      try (Stream<Path> files = Files.walk(tree)) {
        files
            .filter(file -> !Files.isSymbolicLink(file))
            .filter(file -> !openToOthers(file).isEmpty())
            .forEach(open::add);
      }
    }
    assertTrue(open.isEmpty(), "readable, writable or searchable by other accounts: " + open);
  }

  @Test
  void theAdminListenerRefusesCallersWithoutThePassword(CaServer server, @TempDir Path home)
      throws Exception {
    HttpClient trustAny = HttpClient.newBuilder().sslContext(trustAnyServer()).build();
    HttpResponse<String> rest =
        trustAny.send(
            HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.adminPort() + "/management/domain"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, rest.statusCode(), rest.body());

    // asadmin with no credentials (and a home of its own: no saved login to fall back on)
    ProcessBuilder asadmin =
        new ProcessBuilder(
                Path.of("target/payara6/bin/asadmin").toAbsolutePath().toString(),
                "--port",
                Integer.toString(server.adminPort()),
                "--interactive=false",
                "list-applications")
            .redirectErrorStream(true);
    asadmin.environment().put("HOME", home.toString());
    asadmin.environment().keySet().removeIf(name -> name.startsWith("AS_ADMIN"));
    Process process = asadmin.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertNotEquals(0, process.waitFor(), output);
    assertFalse(output.contains("egov-ca"), output);
  }

  @Test
  void theApplicationsDatabaseRoleOwnsItsDatabaseAndIsNoSuperuser(CaServer server)
      throws Exception {
    try (Connection connection = server.database();
        Statement statement = connection.createStatement();
        ResultSet role =
            statement.executeQuery(
                "SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb,"
                    + " pg_get_userbyid(d.datdba) = current_user"
                    + " FROM pg_roles r, pg_database d"
                    + " WHERE r.rolname = current_user AND d.datname = current_database()")) {
      assertTrue(role.next());
      assertFalse(role.getBoolean(1), "superuser");
      assertFalse(role.getBoolean(2), "may create roles");
      assertFalse(role.getBoolean(3), "may create databases");
      assertTrue(role.getBoolean(4), "owns the CA's database");
    }
    // the bootstrap superuser exists for maintenance, behind its own generated password
    try (Connection superuser = server.databaseAsSuperuser()) {
      assertTrue(superuser.isValid(5));
    }
    assertThrows(
        SQLException.class,
        () -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres").close());
  }

  /**
   * The database and LDAP bind passwords are Payara password aliases: in no configuration file of
   * the domain and on no command line in clear, and yet the CA publishes (the directory tests) and
   * reaches its database.
   */
  @Test
  void thePasswordsAreInNoConfigurationFileOrCommandLine(CaServer server, SlapdPair directory)
      throws Exception {
    String databasePassword =
        Files.readString(server.home().resolve("secrets/database.password")).strip();
    String bindPassword = directory.bindPassword();
    List<Path> revealing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(server.home().resolve("domains/egovca/config"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (content.contains(databasePassword) || content.contains(bindPassword)) {
          revealing.add(file);
        }
      }
    }
    assertTrue(revealing.isEmpty(), "a password in clear in " + revealing);
    String arguments =
        Commands.ok(Path.of("."), "ps", "-o", "args=", "-p", Long.toString(server.serverPid()));
    assertFalse(arguments.contains(databasePassword), "the database password on the command line");
    assertFalse(arguments.contains(bindPassword), "the bind password on the command line");
    try (Connection connection = server.database()) {
      assertTrue(connection.isValid(5));
    }
  }

  @Test
  void theServerJvmHasABoundedHeapAndEndsOnOutOfMemory(CaServer server) throws Exception {
    String arguments =
        Commands.ok(Path.of("."), "ps", "-o", "args=", "-p", Long.toString(server.serverPid()));
    assertTrue(arguments.matches("(?s).*\\s-Xmx\\d+[kmgKMG]?\\s.*"), arguments);
    assertTrue(arguments.contains(" -XX:+ExitOnOutOfMemoryError "), arguments);
  }

  @Test
  void postgresqlIsASeparateProcessNotRunningAsRoot(CaServer server) throws Exception {
    long database = server.databasePid();
    assertNotEquals(server.serverPid(), database);
    Path executable = Files.readSymbolicLink(Path.of("/proc", Long.toString(database), "exe"));
    assertEquals("postgres", executable.getFileName().toString(), executable.toString());
    String status = Files.readString(Path.of("/proc", Long.toString(database), "status"));
    Matcher uid = Pattern.compile("(?m)^Uid:\\s+(\\d+)").matcher(status);
    assertTrue(uid.find(), status);
    assertNotEquals("0", uid.group(1), "PostgreSQL runs as root");
  }

  @Test
  void aClientWithoutCertificateIsRefusedInTheTlsHandshake(CaServer server) throws Exception {
    Tls.refusedInHandshake(server, "GET /pki/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    HttpResponse<String> withCertificate =
        HttpClient.newBuilder()
            .sslContext(Tls.raClient(server))
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(server.httpsBase() + "/pki/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, withCertificate.statusCode(), withCertificate.body());
  }

  private static boolean ofProcesses(String users, Set<Long> pids) {
    Matcher pid = Pattern.compile("pid=(\\d+)").matcher(users);
    while (pid.find()) {
      if (pids.contains(Long.parseLong(pid.group(1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean loopback(String address) {
    return address.equals("127.0.0.1")
        || address.equals("[::1]")
        || address.equals("[::ffff:127.0.0.1]");
  }

  private static Set<PosixFilePermission> openToOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions =
          new HashSet<>(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
      permissions.retainAll(GROUP_OR_OTHERS);
      return permissions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The admin listener's own certificate is not what this test is about: any is accepted (an
   * extended trust manager, so that no host name check is added either).
   */
  private static SSLContext trustAnyServer() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        null,
        new TrustManager[] {
          new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) {}

            @Override
            public void checkClientTrusted(
                X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) {}

            @Override
            public void checkServerTrusted(
                X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    return context;
  }
}
