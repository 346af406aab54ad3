package org.egovca.it;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the CA wrote, read straight from its database, for the questions no interface of the CA
 * answers: the audit log, that nothing was written, the delivery queues and internal columns. The
 * tests name the CA's schema here. What a relying party can see (a certificate's status, revocation
 * time and reason) is asked of the CA's OCSP responder instead: {@link RelyingParty}.
 */
public final class Records {

  private final CaServer server;

  public Records(CaServer server) {
    this.server = server;
  }

  // ---- the audit log

  /** One row of {@code audit_event}. */
  public record AuditRow(
      long id, String actor, String action, String target, String outcome, String detail) {}

  /** The id of the newest audit event: rows after it are what a test step caused. */
  public long auditMark() throws SQLException {
    return number("SELECT COALESCE(MAX(id), 0) FROM audit_event");
  }

  /** The audit events written after {@code mark}, oldest first. */
  public List<AuditRow> auditSince(long mark) throws SQLException {
    List<AuditRow> rows = new ArrayList<>();
    query(
        "SELECT id, actor, action, target, outcome, detail FROM audit_event"
            + " WHERE id > ? ORDER BY id",
        result ->
            rows.add(
                new AuditRow(
                    result.getLong(1),
                    result.getString(2),
                    result.getString(3),
                    result.getString(4),
                    result.getString(5),
                    result.getString(6))),
        mark);
    return rows;
  }

  /** The audit events after {@code mark} that match. */
  public List<AuditRow> auditSince(long mark, Predicate<AuditRow> matching) throws SQLException {
    return auditSince(mark).stream().filter(matching).toList();
  }

  /** The audit events of any of {@code actions}, to be narrowed down and counted. */
  public AuditEvents audit(String... actions) {
    return new AuditEvents().in("action", actions);
  }

  /**
   * A count of audit events, narrowed down by column; {@code ...Like} patterns are SQL LIKE
   * patterns ({@code %} for any text).
   */
  public final class AuditEvents {
    private final StringBuilder where = new StringBuilder(" WHERE TRUE");
    private final List<Object> parameters = new ArrayList<>();

    private AuditEvents() {}

    /** Of any of these outcomes ({@code SUCCESS}, {@code FAILURE}, {@code DENIED}). */
    public AuditEvents outcome(String... outcomes) {
      return in("outcome", outcomes);
    }

    public AuditEvents actor(String actor) {
      return condition(" AND actor = ?", actor);
    }

    public AuditEvents target(String target) {
      return condition(" AND target = ?", target);
    }

    public AuditEvents targetLike(String pattern) {
      return condition(" AND target LIKE ?", pattern);
    }

    public AuditEvents detail(String detail) {
      return condition(" AND detail = ?", detail);
    }

    public AuditEvents detailLike(String pattern) {
      return condition(" AND detail LIKE ?", pattern);
    }

    public AuditEvents detailNotLike(String pattern) {
      return condition(" AND detail NOT LIKE ?", pattern);
    }

    public long count() throws SQLException {
      return number("SELECT COUNT(*) FROM audit_event" + where, parameters.toArray());
    }

    private AuditEvents in(String column, String... values) {
      if (values.length > 0) {
        where.append(" AND ").append(column).append(" IN (?");
        where.append(", ?".repeat(values.length - 1)).append(')');
        parameters.addAll(List.of(values));
      }
      return this;
    }

    private AuditEvents condition(String sql, String value) {
      where.append(sql);
      parameters.add(value);
      return this;
    }
  }

  // ---- certificates: what only the CA's own records hold

  /** All certificate rows: a refused request must leave their number unchanged. */
  public long certificateCount() throws SQLException {
    return number("SELECT COUNT(*) FROM issued_certificate");
  }

  /** The certificates whose subject DN contains {@code text} (a test's unique marker). */
  public long certificatesWhoseSubjectContains(String text) throws SQLException {
    return number(
        "SELECT COUNT(*) FROM issued_certificate WHERE subject_dn LIKE ?", "%" + text + "%");
  }

  /** The certificates whose subject DN is stored as exactly this RFC 4514 text. */
  public long certificatesWithSubject(String subjectDn) throws SQLException {
    return number("SELECT COUNT(*) FROM issued_certificate WHERE subject_dn = ?", subjectDn);
  }

  /** The certificates with the subject DN of certificate {@code serial}, it included. */
  public long certificatesWithTheSubjectOf(BigInteger serial) throws SQLException {
    return number(
        "SELECT COUNT(*) FROM issued_certificate WHERE subject_dn ="
            + " (SELECT subject_dn FROM issued_certificate WHERE serial_number = ?)",
        serial.toString(16));
  }

  /**
   * What the CA recorded about a certificate and put into no certificate, OCSP answer or CRL.
   *
   * @param profile the profile's name, {@code personal-sign} for example
   * @param keyAlgorithm the certified key's algorithm, {@code SM2_256} for example
   * @param applicationUnit the code of its application unit, or null
   * @param pairedSerial the serial (hexadecimal) of the encryption certificate paired with this
   *     signing certificate, or null
   * @param revocationReason the CPS §6.1.4.8.1 reason it was revoked for ({@code E_KEY_COMPROMISE},
   *     {@code SUPERSEDED}), or null
   * @param revocationInitiator who asked for its revocation ({@code HOLDER}, {@code RA}), or null
   */
  public record StoredCertificate(
      String profile,
      int profileVersion,
      String keyAlgorithm,
      String applicationUnit,
      String pairedSerial,
      String revocationReason,
      String revocationInitiator) {}

  /** What the CA recorded about certificate {@code serial}. */
  public StoredCertificate certificate(BigInteger serial) throws SQLException {
    List<StoredCertificate> found = new ArrayList<>();
    query(
        "SELECT c.profile, c.profile_version, c.key_algorithm, u.code, p.serial_number,"
            + " c.revocation_reason, c.revocation_initiator FROM issued_certificate c"
            + " LEFT JOIN application_unit u ON u.id = c.application_unit_id"
            + " LEFT JOIN issued_certificate p ON p.id = c.paired_certificate_id"
            + " WHERE c.serial_number = ?",
        result ->
            found.add(
                new StoredCertificate(
                    result.getString(1),
                    result.getInt(2),
                    result.getString(3),
                    result.getString(4),
                    result.getString(5),
                    result.getString(6),
                    result.getString(7))),
        serial.toString(16));
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " certificates with serial " + serial.toString(16));
    }
    return found.get(0);
  }

  /**
   * The KMC's escrowed keys of the encryption certificate {@code serial}: in the KMC's own
   * database, named by the certificate's serial number (GM/T 0014 userCertNo).
   */
  public long escrowedKeysOf(BigInteger serial) throws SQLException {
    try (java.sql.Connection kmc = server.kmcDatabase();
        java.sql.PreparedStatement count =
            kmc.prepareStatement("SELECT COUNT(*) FROM escrowed_key WHERE user_cert_no = ?")) {
      count.setBigDecimal(1, new java.math.BigDecimal(serial));
      try (java.sql.ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  // ---- CA keys and CRLs

  /** The alias of the current key of CA {@code caName} in the crypto token. */
  public String caKeyAlias(String caName) throws SQLException {
    return text("SELECT key_alias FROM certificate_authority WHERE name = ?", caName);
  }

  /**
   * The key ceremonies recorded of {@code kind} with {@code outcome}, held from {@code source} and
   * hosted by {@code host}.
   */
  public long keyCeremonies(String kind, String outcome, String source, String host)
      throws SQLException {
    return number(
        "SELECT COUNT(*) FROM key_ceremony"
            + " WHERE kind = ? AND outcome = ? AND source = ? AND hosted_by = ?",
        kind,
        outcome,
        source,
        host);
  }

  /** The retired keys of all CAs (a key rollover retires one). */
  public long retiredCaKeys() throws SQLException {
    return number("SELECT COUNT(*) FROM retired_ca_key");
  }

  /** The sync signers of {@code caName} certified by its key {@code keyIndex}, under that key. */
  public long syncSignersCertifiedBy(String caName, int keyIndex) throws SQLException {
    return number(
        "SELECT COUNT(*) FROM sync_signer s JOIN certificate_authority a ON a.id = s.ca_id"
            + " JOIN issued_certificate c ON c.id = s.certificate_id"
            + " WHERE a.name = ? AND s.ca_key_index = ? AND c.ca_key_index = ?",
        caName,
        keyIndex,
        keyIndex);
  }

  /** Every CRL the CA kept, complete and delta, of all CAs. */
  public long storedCrls() throws SQLException {
    return number("SELECT COUNT(*) FROM issued_crl");
  }

  /** Whether {@code caName} issued a complete (not a delta) CRL with this number. */
  public boolean isCompleteCrl(String caName, BigInteger crlNumber) throws SQLException {
    return number(
            "SELECT COUNT(*) FROM issued_crl WHERE crl_number = ? AND base_crl_number IS NULL"
                + " AND ca_id = (SELECT id FROM certificate_authority WHERE name = ?)",
            crlNumber.longValueExact(),
            caName)
        == 1;
  }

  // ---- delivery queues

  /** One delivery of a queue: when it was delivered, or null while it waits. */
  public record Delivery(long id, Instant deliveredAt) {}

  /** The deliveries of {@code queue} whose reference contains {@code text}, in queue order. */
  public List<Delivery> deliveries(String queue, String text) throws SQLException {
    List<Delivery> deliveries = new ArrayList<>();
    query(
        "SELECT id, delivered_at FROM delivery WHERE queue = ? AND reference LIKE ? ORDER BY id",
        result -> deliveries.add(new Delivery(result.getLong(1), instant(result.getTimestamp(2)))),
        queue,
        "%" + text + "%");
    return deliveries;
  }

  /** The deliveries of {@code queue} that wait. */
  public long waitingDeliveries(String queue) throws SQLException {
    return number("SELECT COUNT(*) FROM delivery WHERE queue = ? AND delivered_at IS NULL", queue);
  }

  /** The deliveries of {@code queue} whose reference contains {@code text} and that wait. */
  public long waitingDeliveries(String queue, String text) throws SQLException {
    return number(
        "SELECT COUNT(*) FROM delivery WHERE queue = ? AND delivered_at IS NULL"
            + " AND reference LIKE ?",
        queue,
        "%" + text + "%");
  }

  /** The deliveries of {@code queue} that were tried at least once. */
  public long attemptedDeliveries(String queue) throws SQLException {
    return number("SELECT COUNT(*) FROM delivery WHERE queue = ? AND attempts > 0", queue);
  }

  /** Whether a delivery attempt of {@code queue} failed (its failure count is above zero). */
  public boolean deliveryFailed(String queue) throws SQLException {
    return number("SELECT COUNT(*) FROM delivery_queue WHERE name = ? AND failures > 0", queue) > 0;
  }

  /** The message ids of every delivery the CA queued in {@code queue}, in queue order. */
  public List<String> messageIds(String queue) throws SQLException {
    List<String> ids = new ArrayList<>();
    query(
        "SELECT message_id FROM delivery WHERE queue = ? ORDER BY id",
        result -> ids.add(result.getString(1)),
        queue);
    return ids;
  }

  /** The deliveries of {@code queue} of certificates whose subject DN contains {@code text}. */
  public long deliveriesOfSubject(String queue, String text) throws SQLException {
    return number(
        "SELECT COUNT(*) FROM delivery d JOIN issued_certificate c ON d.certificate_id = c.id"
            + " WHERE d.queue = ? AND c.subject_dn LIKE ?",
        queue,
        "%" + text + "%");
  }

  /** How many deliveries of {@code queue} were delivered, the first and the last when. */
  public record DeliveredSpan(long count, Instant first, Instant last) {}

  public DeliveredSpan delivered(String queue) throws SQLException {
    List<DeliveredSpan> span = new ArrayList<>();
    query(
        "SELECT COUNT(*), MIN(delivered_at), MAX(delivered_at) FROM delivery"
            + " WHERE queue = ? AND delivered_at IS NOT NULL",
        result ->
            span.add(
                new DeliveredSpan(
                    result.getLong(1),
                    instant(result.getTimestamp(2)),
                    instant(result.getTimestamp(3)))),
        queue);
    return span.get(0);
  }

  // ---- e-gov systems and dual control

  /** An e-gov system's registration. */
  public record EgovSystem(long id, boolean plainHttpAllowed, boolean active) {

    /** The name of its delivery queue. */
    public String queue() {
      return "egov-system-" + id;
    }
  }

  /** The e-gov system registered as {@code name}, if one is. */
  public Optional<EgovSystem> egovSystem(String name) throws SQLException {
    List<EgovSystem> found = new ArrayList<>();
    query(
        "SELECT id, plain_http_allowed, active FROM egov_system WHERE name = ?",
        result ->
            found.add(
                new EgovSystem(result.getLong(1), result.getBoolean(2), result.getBoolean(3))),
        name);
    return found.stream().findFirst();
  }

  /** The dual-control requests, in any state, of the supervised action on {@code target}. */
  public long dualControlRequestsFor(String target) throws SQLException {
    return number("SELECT COUNT(*) FROM dual_control_request WHERE target = ?", target);
  }

  // ---- client accounts (remote RAs and e-gov systems)

  /** The client accounts named {@code name} (an e-gov system's is {@code egov-system:<name>}). */
  public long clientAccounts(String name) throws SQLException {
    return number("SELECT COUNT(*) FROM client_account WHERE name = ?", name);
  }

  /** The codes of the application units the remote RA {@code name} may issue into, sorted. */
  public List<String> remoteRaUnits(String name) throws SQLException {
    List<String> codes = new ArrayList<>();
    query(
        "SELECT u.code FROM client_account_unit cu"
            + " JOIN client_account a ON a.id = cu.client_account_id"
            + " JOIN application_unit u ON u.id = cu.application_unit_id"
            + " WHERE a.name = ? ORDER BY u.code",
        result -> codes.add(result.getString(1)),
        name);
    return codes;
  }

  // ---- operators

  /** The operator's role (the first, when there are several). */
  public String roleOf(String username) throws SQLException {
    return text(
        "SELECT r.role FROM operator_role r JOIN operator o ON o.id = r.operator_id"
            + " WHERE o.username = ?",
        username);
  }

  public String displayNameOf(String username) throws SQLException {
    return text("SELECT display_name FROM operator WHERE username = ?", username);
  }

  /** The wrong passwords in a row the operator's account has counted since the last lock. */
  public long failedLogins(String username) throws SQLException {
    return number("SELECT failed_logins FROM operator WHERE username = ?", username);
  }

  /** Until when the operator's account is locked, or null when it is not. */
  public Instant lockedUntil(String username) throws SQLException {
    List<Instant> until = new ArrayList<>();
    query(
        "SELECT locked_until FROM operator WHERE username = ?",
        result -> until.add(instant(result.getTimestamp(1))),
        username);
    return until.isEmpty() ? null : until.get(0);
  }

  /** Whether the operator's account is locked now, by the database's clock. */
  public boolean lockedNow(String username) throws SQLException {
    return number(
            "SELECT COUNT(*) FROM operator WHERE username = ? AND locked_until > now()", username)
        == 1;
  }

  /** Whether the operator must choose a new password at the next login. */
  public boolean mustChangePassword(String username) throws SQLException {
    List<Boolean> must = new ArrayList<>();
    query(
        "SELECT must_change_password FROM operator WHERE username = ?",
        result -> must.add(result.getBoolean(1)),
        username);
    if (must.isEmpty()) {
      throw new AssertionError("no operator " + username);
    }
    return must.get(0);
  }

  /** The operator's console sessions that have not ended. */
  public long openSessionsOf(String username) throws SQLException {
    return number(
        "SELECT COUNT(*) FROM operator_session s JOIN operator o ON o.id = s.operator_id"
            + " WHERE o.username = ? AND s.ended_at IS NULL",
        username);
  }

  /**
   * Ends a lockout as a second security administrator's unlock in the console would: a test gives
   * the shared server's account back as it found it.
   */
  public void unlock(String username) throws SQLException {
    try (Connection connection = server.database();
        PreparedStatement unlock =
            connection.prepareStatement(
                "UPDATE operator SET failed_logins = 0, locked_until = NULL WHERE username = ?")) {
      unlock.setString(1, username);
      unlock.executeUpdate();
    }
  }

  // ---- applications and application units

  /** Every application of the RA, in any state. */
  public long applicationCount() throws SQLException {
    return number("SELECT COUNT(*) FROM application");
  }

  /**
   * An application as stored.
   *
   * @param decided whether it holds a reviewer's decision or a certificate
   */
  public record StoredApplication(
      String state,
      boolean decided,
      String applicantName,
      String organisationName,
      String agentName,
      String subjectDn,
      String rejectionNote) {}

  public StoredApplication application(long id) throws SQLException {
    List<StoredApplication> found = new ArrayList<>();
    query(
        "SELECT state, certificate_id IS NOT NULL OR decided_by IS NOT NULL, applicant_name,"
            + " organisation_name, agent_name, subject_dn, rejection_note FROM application"
            + " WHERE id = ?",
        result ->
            found.add(
                new StoredApplication(
                    result.getString(1),
                    result.getBoolean(2),
                    result.getString(3),
                    result.getString(4),
                    result.getString(5),
                    result.getString(6),
                    result.getString(7))),
        id);
    if (found.isEmpty()) {
      throw new AssertionError("no application " + id);
    }
    return found.get(0);
  }

  /** A document of an application as stored: the file name given and the content's SHA-256. */
  public record StoredDocument(String fileName, String sha256) {}

  /** The application's document of {@code kind} ({@code ID_DOCUMENT} for example). */
  public StoredDocument document(long applicationId, String kind) throws SQLException {
    List<StoredDocument> found = new ArrayList<>();
    query(
        "SELECT file_name, sha256 FROM application_document WHERE application_id = ? AND kind = ?",
        result -> found.add(new StoredDocument(result.getString(1), result.getString(2))),
        applicationId,
        kind);
    if (found.isEmpty()) {
      throw new AssertionError("application " + applicationId + " has no " + kind);
    }
    return found.get(0);
  }

  public String applicationUnitName(String code) throws SQLException {
    return text("SELECT name FROM application_unit WHERE code = ?", code);
  }

  // ---- plumbing

  @FunctionalInterface
  private interface Row {
    void read(ResultSet result) throws SQLException;
  }

  private void query(String sql, Row row, Object... parameters) throws SQLException {
    try (Connection connection = server.database();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          row.read(result);
        }
      }
    }
  }

  /** The first column of the first row as a number, or 0 when there is no row. */
  private long number(String sql, Object... parameters) throws SQLException {
    List<Long> values = new ArrayList<>();
    query(sql, result -> values.add(result.getLong(1)), parameters);
    return values.isEmpty() ? 0 : values.get(0);
  }

  /** The first column of the first row as text, or null. */
  private String text(String sql, Object... parameters) throws SQLException {
    List<String> values = new ArrayList<>();
    query(sql, result -> values.add(result.getString(1)), parameters);
    return values.isEmpty() ? null : values.get(0);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
