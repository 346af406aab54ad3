package org.egovca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The running CA as tests see it: its URLs, its data directory and a direct JDBC view of its
 * database (to prove what was, and was not, written), as the application's own role.
 *
 * @param adminPort the Payara admin listener's port (loopback only)
 * @param jdbcPasswordFile the owner-only file with the role's generated password (the embedded
 *     database), or null for a database that trusts loopback connections
 */
public record CaServer(
    Path home,
    Path dataDirectory,
    String httpBase,
    String httpsBase,
    int ldapPort,
    int adminPort,
    String jdbcUrl,
    String jdbcUser,
    Path jdbcPasswordFile) {

  public Connection database() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, jdbcUser, secret(jdbcPasswordFile));
  }

  /**
   * The embedded database as its bootstrap superuser (maintenance only: the application's role is
   * not one), with the password the start script generated.
   */
  public Connection databaseAsSuperuser() throws SQLException {
    return DriverManager.getConnection(
        jdbcUrl, "postgres", secret(home.resolve("secrets/database-superuser.password")));
  }

  /**
   * The key management centre's own database in the embedded PostgreSQL (database and role
   * egovca_kmc beside the CA's), as the KMC's role, with the password the start script generated.
   */
  public Connection kmcDatabase() throws SQLException {
    String url = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + "egovca_kmc";
    return DriverManager.getConnection(
        url, "egovca_kmc", secret(home.resolve("secrets/kmc-database.password")));
  }

  /** The embedded PostgreSQL cluster's data directory (a link to it when run as root). */
  public Path databaseCluster() {
    return home.resolve("postgresql").resolve("data");
  }

  /** The process id of the embedded PostgreSQL server (the first line of its postmaster.pid). */
  public long databasePid() throws IOException {
    return Long.parseLong(
        Files.readAllLines(databaseCluster().resolve("postmaster.pid"), StandardCharsets.US_ASCII)
            .get(0)
            .strip());
  }

  /** The Payara server's process id, from the pid file its domain writes. */
  public long serverPid() throws IOException {
    return Long.parseLong(
        Files.readString(home.resolve("domains/egovca/config/pid"), StandardCharsets.US_ASCII)
            .strip());
  }

  private static String secret(Path file) {
    if (file == null) {
      return "";
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path caChainPem() {
    return dataDirectory.resolve("ca-chain.pem");
  }

  public Path remoteRaP12() {
    return dataDirectory.resolve("remote-ra.p12");
  }

  public Path remoteRaPassword() {
    return dataDirectory.resolve("remote-ra.password");
  }

  /** The RSA TLS CA: the trust anchor of the HTTPS server and of operator certificates. */
  public Path tlsCaPem() {
    return dataDirectory.resolve("tls-ca.pem");
  }

  /** The RA console's base URL, ending in a slash. */
  public String consoleBase() {
    return httpsBase + "/ra/";
  }

  /**
   * The login credential (PKCS#12) the first start wrote for one of the first two security
   * administrators ({@code admin}, {@code admin2}).
   */
  public Path operatorP12(String username) {
    return dataDirectory.resolve("operator-" + username + ".p12");
  }

  /**
   * The password of {@link #operatorP12(String)}: the administrator's one-time password, which only
   * the first start's output shows.
   */
  public char[] operatorP12Password(String username) {
    return firstAdminOneTimePassword(username).toCharArray();
  }

  /**
   * The one-time password of {@code username}, one of the first two security administrators, as the
   * start script printed it once ({@code user name: ...} then {@code one-time password: ...} in
   * {@code egovca-start.log} of the first start).
   */
  public String firstAdminOneTimePassword(String username) {
    try {
      List<String> lines =
          Files.readAllLines(home.resolve("egovca-start.log"), StandardCharsets.UTF_8).stream()
              .map(String::strip)
              .toList();
      int user = lines.indexOf("user name: " + username);
      String prefix = "one-time password:";
      if (user < 0 || user + 1 >= lines.size() || !lines.get(user + 1).startsWith(prefix)) {
        throw new IllegalStateException(
            "egovca-start.log shows no one-time password of " + username + " (not a first start?)");
      }
      return lines.get(user + 1).substring(prefix.length()).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
