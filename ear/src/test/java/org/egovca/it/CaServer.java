package org.egovca.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
}
