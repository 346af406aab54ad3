package org.egovca.it.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.egovca.it.CaServer;

/**
 * What the CA wrote, read straight from its database: the audit log (to prove a refusal was
 * recorded, not only shown) and single values of its tables.
 */
public final class Records {

  /** One row of {@code audit_event}. */
  public record AuditRow(
      long id, String actor, String action, String target, String outcome, String detail) {}

  private Records() {}

  /** The id of the newest audit event: rows after it are what a test step caused. */
  public static long auditMark(CaServer server) throws SQLException {
    Object max = value(server, "SELECT MAX(id) FROM audit_event");
    return max == null ? 0 : ((Number) max).longValue();
  }

  /** The audit events written after {@code mark}, oldest first. */
  public static List<AuditRow> auditSince(CaServer server, long mark) throws SQLException {
    try (Connection connection = server.database();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT id, actor, action, target, outcome, detail FROM audit_event"
                    + " WHERE id > ? ORDER BY id")) {
      statement.setLong(1, mark);
      List<AuditRow> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(
              new AuditRow(
                  result.getLong(1),
                  result.getString(2),
                  result.getString(3),
                  result.getString(4),
                  result.getString(5),
                  result.getString(6)));
        }
      }
      return rows;
    }
  }

  /** The audit events after {@code mark} that match. */
  public static List<AuditRow> auditSince(CaServer server, long mark, Predicate<AuditRow> matching)
      throws SQLException {
    return auditSince(server, mark).stream().filter(matching).toList();
  }

  /** The first column of the first row of a query, or null when there is no row. */
  public static Object value(CaServer server, String sql, Object... parameters)
      throws SQLException {
    try (Connection connection = server.database();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        return result.next() ? result.getObject(1) : null;
      }
    }
  }

  /** {@link #value} as text. */
  public static String text(CaServer server, String sql, Object... parameters) throws SQLException {
    Object value = value(server, sql, parameters);
    return value == null ? null : value.toString();
  }

  public static long number(CaServer server, String sql, Object... parameters) throws SQLException {
    Object value = value(server, sql, parameters);
    return value == null ? 0 : ((Number) value).longValue();
  }
}
