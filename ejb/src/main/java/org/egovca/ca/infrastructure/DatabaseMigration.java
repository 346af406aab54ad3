package org.egovca.ca.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the PostgreSQL schema to the version this build expects (Flyway, {@code db/migration}),
 * before any other startup bean touches the database. First it refuses a database role that could
 * step outside the CA's own data: a superuser (or a role that may create roles, and so grant itself
 * {@code pg_execute_server_program}) can run programs as the database server's account and rewrite
 * any table, audit log included. The CA connects as a role that owns its database and nothing more;
 * the start script creates one for the embedded server.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  /** The start script names the reason of a failed deployment from the log line with this. */
  static final String REFUSAL = "Refusing to start: ";

  @Resource(lookup = "jdbc/egovca")
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    try (Connection connection = dataSource.getConnection()) {
      refuseOverprivilegedRole(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the database role: " + e.getMessage(), e);
    }
    MigrateResult result =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + (result.targetSchemaVersion == null
                    ? result.initialSchemaVersion
                    : result.targetSchemaVersion)
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }

  /**
   * Throws (and logs, for the start script) when the connection's role is a superuser or may create
   * roles.
   *
   * @throws IllegalStateException naming the role and what it may do
   */
  public static void refuseOverprivilegedRole(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet role =
            statement.executeQuery(
                "SELECT rolname, rolsuper, rolcreaterole FROM pg_roles"
                    + " WHERE rolname = current_user")) {
      if (!role.next()) {
        throw new IllegalStateException("the database does not know its current role");
      }
      String name = role.getString(1);
      String privilege =
          role.getBoolean(2)
              ? "a superuser"
              : role.getBoolean(3) ? "allowed to create roles" : null;
      if (privilege != null) {
        String message =
            REFUSAL
                + "the database role '"
                + name
                + "' is "
                + privilege
                + ". The CA must connect as a role that owns its database and is neither a"
                + " superuser nor allowed to create roles (see README, PostgreSQL).";
        LOG.log(Level.SEVERE, message);
        throw new IllegalStateException(message);
      }
    }
  }
}
