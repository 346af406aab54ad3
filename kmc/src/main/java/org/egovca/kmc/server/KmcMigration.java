package org.egovca.kmc.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the KMC's own database to the current schema (migrations in {@code db/kmc-migration}),
 * refusing a superuser role as the CA does: the KMC's role owns its database and nothing more.
 */
final class KmcMigration {

  private static final Logger LOG = Logger.getLogger(KmcMigration.class.getName());

  private KmcMigration() {}

  static void migrate(DataSource dataSource) {
    refuseSuperuser(dataSource);
    MigrateResult result =
        Flyway.configure(KmcMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/kmc-migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "KMC database schema at version "
                + (result.targetSchemaVersion == null
                    ? result.initialSchemaVersion
                    : result.targetSchemaVersion));
  }

  private static void refuseSuperuser(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
      if (row.next() && row.getBoolean(1)) {
        throw new IllegalStateException(
            "Refusing to start: the KMC's database role is a superuser; give it a role that owns"
                + " its database and nothing more");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the KMC cannot reach its database: " + e.getMessage(), e);
    }
  }
}
