package org.egovca.kmc.server;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The KMC's database: escrowed keys, their restorations and the replay window, written in one JDBC
 * transaction per protocol message ({@link #inTransaction}), so that a message's task number and
 * everything it escrowed or revoked commit together or not at all.
 */
final class KmcStore {

  /** Work on one transaction's {@link Records}. */
  @FunctionalInterface
  interface Work<T> {
    T run(Records records) throws Exception;
  }

  /**
   * The first key of the advisory lock on a CA's restoration budget: a fixed number of the KMC's
   * own, so the lock cannot be mistaken for another use of advisory locks in the same database.
   */
  private static final int RESTORATION_LOCK = 0x4b4d4301;

  private final DataSource dataSource;

  KmcStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws (its
   * exception is thrown on as it is, or wrapped in an IllegalStateException when it is checked and
   * not an SQLException).
   */
  <T> T inTransaction(Work<T> work) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try {
        T result = work.run(new Records(connection));
        connection.commit();
        return result;
      } catch (Exception | Error e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /**
   * The database server's time: a clock the KMC's own host does not set, against which an
   * irreversible step (destroying escrowed keys) checks the host's clock.
   */
  Instant databaseNow() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet now = statement.executeQuery("SELECT now()")) {
      now.next();
      return now.getTimestamp(1).toInstant();
    }
  }

  /**
   * {@code VACUUM escrowed_key}, outside any transaction as PostgreSQL demands. An UPDATE leaves
   * the row's old version, escrowed ciphertext and all, in the table as a dead tuple until VACUUM
   * reclaims it; after a destruction that version is the only copy left in the live table. (The
   * bytes may still lie in free page space until overwritten, in the WAL and in backups until they
   * expire: README, "Key management centre".)
   *
   * @return the warning PostgreSQL gave instead of vacuuming (such as a role that does not own the
   *     table), or empty when it vacuumed
   */
  Optional<String> vacuumEscrowedKeys() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("VACUUM escrowed_key");
        SQLWarning warning = statement.getWarnings();
        return warning == null ? Optional.empty() : Optional.of(warning.getMessage());
      }
    }
  }

  /** The statements of one transaction. */
  static final class Records {
    private final Connection connection;

    private Records(Connection connection) {
      this.connection = connection;
    }

    /**
     * Records a task number of a CA until {@code expiresAt}, forgetting the ones that expired
     * before {@code now}.
     *
     * @return false when the task number is recorded already (a replay)
     */
    boolean acceptTask(byte[] caKeyHash, BigInteger taskNo, Instant expiresAt, Instant now)
        throws SQLException {
      try (PreparedStatement forget =
          connection.prepareStatement("DELETE FROM accepted_task WHERE expires_at < ?")) {
        forget.setTimestamp(1, Timestamp.from(now));
        forget.executeUpdate();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO accepted_task (ca_key_hash, task_no, expires_at) VALUES (?, ?, ?)"
                  + " ON CONFLICT DO NOTHING")) {
        insert.setBytes(1, caKeyHash);
        insert.setBigDecimal(2, new BigDecimal(taskNo));
        insert.setTimestamp(3, Timestamp.from(expiresAt));
        return insert.executeUpdate() == 1;
      }
    }

    /**
     * @return false when the CA has a key escrowed under this encryption serial number already
     */
    boolean escrow(EscrowRecord record) throws SQLException {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO escrowed_key (ca_key_hash, user_cert_no, public_key,"
                  + " escrowed_private_key, escrow_key_alias, holder_public_key, user_name,"
                  + " not_before, not_after, state, created_at, created_by_task)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        insert.setBytes(1, record.caKeyHash());
        insert.setBigDecimal(2, new BigDecimal(record.userCertNo()));
        insert.setBytes(3, record.publicKey());
        insert.setBytes(4, record.escrowedPrivateKey());
        insert.setString(5, record.escrowKeyAlias());
        insert.setBytes(6, record.holderPublicKey());
        insert.setBytes(7, record.userName());
        insert.setTimestamp(8, Timestamp.from(record.notBefore()));
        insert.setTimestamp(9, Timestamp.from(record.notAfter()));
        insert.setString(10, record.state());
        insert.setTimestamp(11, Timestamp.from(record.createdAt()));
        insert.setBigDecimal(12, new BigDecimal(record.createdByTask()));
        return insert.executeUpdate() == 1;
      }
    }

    /**
     * The escrow of that certificate, its row share-locked until the message's transaction ends: a
     * destruction skips it meanwhile, so that no key is enveloped after the record of its
     * destruction, and one in progress is waited for and then seen.
     */
    Optional<EscrowRecord> escrowed(byte[] caKeyHash, BigInteger userCertNo) throws SQLException {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT public_key, escrowed_private_key, escrow_key_alias, holder_public_key,"
                  + " user_name, not_before, not_after, state, created_at, created_by_task,"
                  + " destroyed_at FROM escrowed_key WHERE ca_key_hash = ? AND user_cert_no = ?"
                  + " FOR SHARE")) {
        select.setBytes(1, caKeyHash);
        select.setBigDecimal(2, new BigDecimal(userCertNo));
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          return Optional.of(
              new EscrowRecord(
                  caKeyHash,
                  userCertNo,
                  row.getBytes(1),
                  row.getBytes(2),
                  row.getString(3),
                  row.getBytes(4),
                  row.getBytes(5),
                  row.getTimestamp(6).toInstant(),
                  row.getTimestamp(7).toInstant(),
                  row.getString(8),
                  row.getTimestamp(9).toInstant(),
                  row.getBigDecimal(10).toBigIntegerExact(),
                  instant(row.getTimestamp(11))));
        }
      }
    }

    /**
     * Records the CA's revocation of an escrowed key, the first one only: an ACTIVE key becomes
     * REVOKED; an ARCHIVED key stays ARCHIVED, since it is kept for recovery whether revoked or
     * not, and keeps the revocation; a DESTROYED key is left as its destruction found it, since
     * there is nothing left to stop.
     *
     * @return false when there is no such escrowed key
     */
    boolean revoke(byte[] caKeyHash, BigInteger userCertNo, Instant now, BigInteger taskNo)
        throws SQLException {
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE escrowed_key SET state = CASE state WHEN 'ACTIVE' THEN 'REVOKED' ELSE state"
                  + " END, revoked_at = CASE state WHEN 'DESTROYED' THEN revoked_at"
                  + " ELSE COALESCE(revoked_at, ?) END,"
                  + " revoked_by_task = CASE state WHEN 'DESTROYED' THEN revoked_by_task"
                  + " ELSE COALESCE(revoked_by_task, ?) END"
                  + " WHERE ca_key_hash = ? AND user_cert_no = ?")) {
        update.setTimestamp(1, Timestamp.from(now));
        update.setBigDecimal(2, new BigDecimal(taskNo));
        update.setBytes(3, caKeyHash);
        update.setBigDecimal(4, new BigDecimal(userCertNo));
        return update.executeUpdate() == 1;
      }
    }

    /** Opens the record of a retention sweep (V2) and returns its id. */
    long startSweep(Instant now, Instant archiveBefore, Instant destroyBefore) throws SQLException {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO retention_sweep (started_at, archive_before, destroy_before)"
                  + " VALUES (?, ?, ?) RETURNING id")) {
        insert.setTimestamp(1, Timestamp.from(now));
        insert.setTimestamp(2, Timestamp.from(archiveBefore));
        insert.setTimestamp(3, Timestamp.from(destroyBefore));
        try (ResultSet row = insert.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
    }

    /**
     * Archives at most {@code limit} ACTIVE or REVOKED keys whose certificate expired before {@code
     * before}, keeping their revocation, and counts them in sweep {@code sweep}. Rows another
     * transaction holds are skipped (SKIP LOCKED): a concurrent sweep takes them.
     *
     * @return how many it archived
     */
    int archiveExpired(long sweep, Instant now, Instant before, int limit) throws SQLException {
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE escrowed_key SET state = 'ARCHIVED', archived_at = ?, archived_by_sweep = ?"
                  + " WHERE (ca_key_hash, user_cert_no) IN (SELECT ca_key_hash, user_cert_no"
                  + " FROM escrowed_key WHERE state IN ('ACTIVE', 'REVOKED') AND not_after < ?"
                  + " ORDER BY not_after LIMIT ? FOR UPDATE SKIP LOCKED)")) {
        update.setTimestamp(1, Timestamp.from(now));
        update.setLong(2, sweep);
        update.setTimestamp(3, Timestamp.from(before));
        update.setInt(4, limit);
        return count(sweep, "archived", update.executeUpdate());
      }
    }

    /**
     * Destroys at most {@code limit} ARCHIVED keys whose certificate expired before {@code before}:
     * their escrowed private key becomes NULL and each gets its escrow_destruction record, in one
     * statement, so that no key is destroyed without its record nor recorded undestroyed.
     *
     * @return how many it destroyed
     */
    int destroyArchived(long sweep, Instant now, Instant before, int limit) throws SQLException {
      try (PreparedStatement destroy =
          connection.prepareStatement(
              "WITH destroyed AS (UPDATE escrowed_key SET state = 'DESTROYED',"
                  + " escrowed_private_key = NULL, destroyed_at = ?, destroyed_by_sweep = ?"
                  + " WHERE (ca_key_hash, user_cert_no) IN (SELECT ca_key_hash, user_cert_no"
                  + " FROM escrowed_key WHERE state = 'ARCHIVED' AND not_after < ?"
                  + " ORDER BY not_after LIMIT ? FOR UPDATE SKIP LOCKED)"
                  + " RETURNING ca_key_hash, user_cert_no, public_key, not_after, revoked_at,"
                  + " archived_at, destroyed_at, destroyed_by_sweep)"
                  + " INSERT INTO escrow_destruction (ca_key_hash, user_cert_no, public_key,"
                  + " not_after, revoked_at, archived_at, destroyed_at, sweep_id)"
                  + " SELECT * FROM destroyed")) {
        destroy.setTimestamp(1, Timestamp.from(now));
        destroy.setLong(2, sweep);
        destroy.setTimestamp(3, Timestamp.from(before));
        destroy.setInt(4, limit);
        return count(sweep, "destroyed", destroy.executeUpdate());
      }
    }

    void finishSweep(long sweep, Instant now) throws SQLException {
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE retention_sweep SET finished_at = ? WHERE id = ?")) {
        update.setTimestamp(1, Timestamp.from(now));
        update.setLong(2, sweep);
        update.executeUpdate();
      }
    }

    /** Adds {@code done} to the sweep's counter {@code column} (a fixed name, never input). */
    private int count(long sweep, String column, int done) throws SQLException {
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE retention_sweep SET " + column + " = " + column + " + ? WHERE id = ?")) {
        update.setInt(1, done);
        update.setLong(2, sweep);
        update.executeUpdate();
      }
      return done;
    }

    void recordRestoration(
        byte[] caKeyHash,
        BigInteger userCertNo,
        byte[] recipientPublicKey,
        BigInteger taskNo,
        Instant now)
        throws SQLException {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO key_restoration (ca_key_hash, user_cert_no, recipient_public_key,"
                  + " task_no, restored_at) VALUES (?, ?, ?, ?, ?)")) {
        insert.setBytes(1, caKeyHash);
        insert.setBigDecimal(2, new BigDecimal(userCertNo));
        insert.setBytes(3, recipientPublicKey);
        insert.setBigDecimal(4, new BigDecimal(taskNo));
        insert.setTimestamp(5, Timestamp.from(now));
        insert.executeUpdate();
      }
    }

    /**
     * Waits for, and holds until this transaction ends, the lock on a CA's restoration budget
     * ({@link RestorationBudget}): a transaction-scoped advisory lock on (RESTORATION_LOCK, a hash
     * of the CA's key hash), so that the count of restorations and the insert of the next one
     * happen as one step for concurrent messages of that CA. Two CAs whose hashes collide only wait
     * for each other; neither is counted against the other.
     */
    void lockRestorationBudget(byte[] caKeyHash) throws SQLException {
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
        lock.setInt(1, RESTORATION_LOCK);
        lock.setInt(2, Arrays.hashCode(caKeyHash));
        lock.executeQuery().close();
      }
    }

    /** How many restorations of the CA were recorded after {@code since}. */
    int restorationsSince(byte[] caKeyHash, Instant since) throws SQLException {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT count(*) FROM key_restoration WHERE ca_key_hash = ? AND restored_at > ?")) {
        select.setBytes(1, caKeyHash);
        select.setTimestamp(2, Timestamp.from(since));
        try (ResultSet row = select.executeQuery()) {
          row.next();
          return row.getInt(1);
        }
      }
    }

    /**
     * When the CA's restoration number {@code index} (0 the oldest) of those after {@code since}
     * was recorded.
     */
    Instant restorationTime(byte[] caKeyHash, Instant since, int index) throws SQLException {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT restored_at FROM key_restoration WHERE ca_key_hash = ? AND restored_at > ?"
                  + " ORDER BY restored_at, id OFFSET ? LIMIT 1")) {
        select.setBytes(1, caKeyHash);
        select.setTimestamp(2, Timestamp.from(since));
        select.setInt(3, index);
        try (ResultSet row = select.executeQuery()) {
          row.next();
          return row.getTimestamp(1).toInstant();
        }
      }
    }

    /** The recipient public keys (DER) the KMC enveloped this escrowed key for before. */
    List<byte[]> restoredTo(byte[] caKeyHash, BigInteger userCertNo) throws SQLException {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT DISTINCT recipient_public_key FROM key_restoration"
                  + " WHERE ca_key_hash = ? AND user_cert_no = ?")) {
        select.setBytes(1, caKeyHash);
        select.setBigDecimal(2, new BigDecimal(userCertNo));
        List<byte[]> keys = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            keys.add(row.getBytes(1));
          }
        }
        return keys;
      }
    }

    private static Instant instant(Timestamp timestamp) {
      return timestamp == null ? null : timestamp.toInstant();
    }
  }
}
