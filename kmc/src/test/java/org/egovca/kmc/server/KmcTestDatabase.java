package org.egovca.kmc.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL database for the KMC's tests, on the machine's server at 127.0.0.1:5432
 * (reached as postgres without a password, as the CA's service tier does), owned by a role that is
 * no superuser, as the KMC demands of its role.
 */
final class KmcTestDatabase {

  private static final String ADMIN_URL =
      System.getProperty("egovca.kmc.test.adminUrl", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String ROLE = "egovca_kmc_unit_test";

  private final String name;
  private final PGSimpleDataSource dataSource;

  private KmcTestDatabase(String name, PGSimpleDataSource dataSource) {
    this.name = name;
    this.dataSource = dataSource;
  }

  static KmcTestDatabase create() throws SQLException {
    String name = "egovca_kmc_unit_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + ROLE
              + "') THEN CREATE ROLE "
              + ROLE
              + " LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB; END IF; END $$");
      statement.execute("CREATE DATABASE " + name + " OWNER " + ROLE);
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name);
    dataSource.setUser(ROLE);
    return new KmcTestDatabase(name, dataSource);
  }

  PGSimpleDataSource dataSource() {
    return dataSource;
  }

  /**
   * A data source for a role that may read and write the KMC's tables but does not own them (so
   * PostgreSQL skips a VACUUM it asks for, with a warning); call after the schema is migrated.
   */
  PGSimpleDataSource dataSourceOfAnotherRole() throws SQLException {
    String other = ROLE + "_other";
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + other
              + "') THEN CREATE ROLE "
              + other
              + " LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB; END IF; END $$");
    }
    try (Connection owner = dataSource.getConnection();
        Statement statement = owner.createStatement()) {
      statement.execute(
          "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + other);
      statement.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + other);
    }
    PGSimpleDataSource otherSource = new PGSimpleDataSource();
    otherSource.setUrl(dataSource.getUrl());
    otherSource.setUser(other);
    return otherSource;
  }

  void drop() throws SQLException {
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
