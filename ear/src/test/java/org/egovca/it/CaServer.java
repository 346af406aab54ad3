package org.egovca.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The running CA as tests see it: its URLs, its data directory and a direct JDBC view of its
 * database (to prove what was, and was not, written).
 */
public record CaServer(
    String db,
    Path home,
    Path dataDirectory,
    String httpBase,
    String httpsBase,
    int ldapPort,
    String jdbcUrl,
    String jdbcUser) {

  public Connection database() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, jdbcUser, "");
  }

  /** Runs a {@code SELECT COUNT(*) ...} with string parameters. */
  public long count(String sql, String... parameters) throws SQLException {
    try (Connection connection = database();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  public Path caChainPem() {
    return dataDirectory.resolve("ca-chain.pem");
  }

  public Path raClientP12() {
    return dataDirectory.resolve("ra-client.p12");
  }

  public Path raClientPassword() {
    return dataDirectory.resolve("ra-client.password");
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

  /** The password of {@link #operatorP12(String)}. */
  public char[] operatorP12Password(String username) {
    try {
      return Files.readString(dataDirectory.resolve("operator-" + username + ".password"))
          .strip()
          .toCharArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
