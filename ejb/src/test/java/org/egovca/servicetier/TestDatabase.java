package org.egovca.servicetier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of the service tier's own on the PostgreSQL server of the machine, owned by a role
 * that is neither superuser nor allowed to create roles, as the CA's role is in production; dropped
 * when the run ends.
 */
final class TestDatabase implements AutoCloseable {

  static final String ROLE = "egovca_service_tier";

  private final String adminUrl;
  private final String name;
  private final String url;

  private TestDatabase(String adminUrl, String name) {
    this.adminUrl = adminUrl;
    this.name = name;
    this.url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
  }

  /**
   * Creates a fresh database on the server {@code adminUrl} reaches as a superuser.
   *
   * @throws IllegalStateException naming the server when it cannot be reached
   */
  static TestDatabase create(String adminUrl) {
    String name =
        "egovca_service_tier_"
            + ProcessHandle.current().pid()
            + "_"
            + Long.toString(System.nanoTime(), 36);
    TestDatabase database = new TestDatabase(adminUrl, name);
    try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + ROLE
              + "') THEN"
              + " CREATE ROLE "
              + ROLE
              + " LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB; END IF; END $$");
      statement.execute("CREATE DATABASE " + name + " OWNER " + ROLE);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The service tier needs a PostgreSQL server it can reach as postgres without a password"
              + " at "
              + adminUrl
              + " (or -Degovca.serviceTier.adminUrl=...): "
              + e.getMessage(),
          e);
    }
    return database;
  }

  String url() {
    return url;
  }

  String user() {
    return ROLE;
  }

  DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser(ROLE);
    return dataSource;
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
