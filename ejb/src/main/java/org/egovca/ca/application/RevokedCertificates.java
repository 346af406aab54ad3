package org.egovca.ca.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.sql.DataSource;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ca.domain.SerialNumbers;
import org.egovca.ca.x509.crl.EntrySource;
import org.egovca.ca.x509.crl.RevokedEntry;

/**
 * The revoked, unexpired certificates of one CA as CRL entries, read through a JDBC cursor on each
 * pass (the CRL writer reads them twice: once for the lengths, once to write), so memory does not
 * grow with the size of the CRL. A complete CRL takes all of them, a delta CRL those revoked since
 * a given time. A root's CRL (its ARL) lists the CA certificates it revoked as well, ahead of the
 * rest: those few are read beforehand in the caller's transaction ({@link #withCaCertificates}), so
 * a revocation in that transaction is on the CRL it issues.
 */
final class RevokedCertificates implements EntrySource {

  private static final int FETCH_SIZE = 2_000;
  private static final String ALL =
      "SELECT serial_number, revoked_at, revocation_reason FROM issued_certificate"
          + " WHERE ca_id = ? AND ca_key_index = ? AND status = 'REVOKED' AND not_after > ?"
          + " ORDER BY revoked_at, id";
  private static final String SINCE =
      "SELECT serial_number, revoked_at, revocation_reason FROM issued_certificate"
          + " WHERE ca_id = ? AND ca_key_index = ? AND status = 'REVOKED' AND not_after > ?"
          + " AND revoked_at >= ? ORDER BY revoked_at, id";

  private final DataSource dataSource;
  private final long caId;
  private final int keyIndex;
  private final Instant now;
  private final Instant revokedSince;
  private List<RevokedEntry> caCertificates = List.of();
  private long count;

  private RevokedCertificates(
      DataSource dataSource, long caId, int keyIndex, Instant now, Instant revokedSince) {
    this.dataSource = dataSource;
    this.caId = caId;
    this.keyIndex = keyIndex;
    this.now = now;
    this.revokedSince = revokedSince;
  }

  /**
   * Every certificate that key {@code keyIndex} of the CA issued and that is revoked and not yet
   * expired at {@code now}.
   */
  static RevokedCertificates all(DataSource dataSource, long caId, int keyIndex, Instant now) {
    return new RevokedCertificates(dataSource, caId, keyIndex, now, null);
  }

  /** Those of {@link #all} revoked at or after {@code revokedSince}. */
  static RevokedCertificates since(
      DataSource dataSource, long caId, int keyIndex, Instant now, Instant revokedSince) {
    return new RevokedCertificates(dataSource, caId, keyIndex, now, revokedSince);
  }

  /** Lists {@code entries}, revoked CA certificates, before the holder certificates. */
  RevokedCertificates withCaCertificates(List<RevokedEntry> entries) {
    this.caCertificates = List.copyOf(entries);
    return this;
  }

  /** How many entries the last pass yielded. */
  long count() {
    return count;
  }

  @Override
  public Iterator<RevokedEntry> open() {
    count = 0;
    try {
      return new Cursor();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the revoked certificates", e);
    }
  }

  private final class Cursor implements Iterator<RevokedEntry>, AutoCloseable {
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Iterator<RevokedEntry> first = caCertificates.iterator();
    private Boolean hasNext;

    Cursor() throws SQLException {
      this.connection = dataSource.getConnection();
      PreparedStatement prepared = null;
      try {
        prepared = connection.prepareStatement(revokedSince == null ? ALL : SINCE);
        prepared.setFetchSize(FETCH_SIZE);
        prepared.setLong(1, caId);
        prepared.setInt(2, keyIndex);
        prepared.setTimestamp(3, Timestamp.from(now));
        if (revokedSince != null) {
          prepared.setTimestamp(4, Timestamp.from(revokedSince));
        }
        this.statement = prepared;
        this.rows = prepared.executeQuery();
      } catch (SQLException | RuntimeException e) {
        // The cursor is not returned, so nobody else would give the connection back to the pool.
        try (connection;
            PreparedStatement unused = prepared) {
          throw e;
        }
      }
    }

    @Override
    public boolean hasNext() {
      if (first.hasNext()) {
        return true;
      }
      if (hasNext == null) {
        try {
          hasNext = rows.next();
        } catch (SQLException e) {
          throw new IllegalStateException("cannot read the revoked certificates", e);
        }
      }
      return hasNext;
    }

    @Override
    public RevokedEntry next() {
      if (first.hasNext()) {
        count++;
        return first.next();
      }
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      hasNext = null;
      try {
        count++;
        RevocationReason reason = RevocationReason.valueOf(rows.getString(3));
        return new RevokedEntry(
            SerialNumbers.fromHex(rows.getString(1)),
            rows.getTimestamp(2).toInstant(),
            reason.crlReason().orElse(null),
            null);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the revoked certificates", e);
      }
    }

    @Override
    public void close() throws SQLException {
      try (connection;
          statement;
          rows) {
        // closes the cursor, then the statement, then returns the connection to the pool
      }
    }
  }
}
