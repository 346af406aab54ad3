package org.egovca.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The load harness's database on the machine's PostgreSQL server (127.0.0.1:5432, where the
 * superuser {@code postgres} logs in without a password), so that the figures are those of a
 * production-like server rather than of the embedded one. The CA refuses to run as a superuser: the
 * database is owned by a role of the same name that is neither a superuser nor allowed to create
 * roles or databases.
 */
final class BenchmarkDatabase {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  private BenchmarkDatabase() {}

  /**
   * Drops {@code name} (database and role) and creates both anew.
   *
   * @return the start script's settings that point the CA at it
   */
  static Map<String, String> recreate(String name) throws SQLException {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain PostgreSQL name: " + name);
    }
    String password = recreateOne(name);
    // the key management centre never shares the CA's database
    String kmc = name + "_kmc";
    String kmcPassword = recreateOne(kmc);
    return Map.of(
        "EGOVCA_DB_URL",
        SERVER + name,
        "EGOVCA_DB_USER",
        name,
        "EGOVCA_DB_PASSWORD",
        password,
        "EGOVCA_KMC_DB_URL",
        SERVER + kmc,
        "EGOVCA_KMC_DB_USER",
        kmc,
        "EGOVCA_KMC_DB_PASSWORD",
        kmcPassword);
  }

  /** Drops database and role {@code name}, creates both anew, returns the role's password. */
  private static String recreateOne(String name) throws SQLException {
    String password = UUID.randomUUID().toString();
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("DROP ROLE IF EXISTS " + name);
      statement.execute(
          "CREATE ROLE "
              + name
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
              + password
              + "'");
      statement.execute("CREATE DATABASE " + name + " OWNER " + name);
    }
    return password;
  }
}
