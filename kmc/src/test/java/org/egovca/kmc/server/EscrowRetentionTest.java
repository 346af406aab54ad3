package org.egovca.kmc.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.egovca.kmc.protocol.CaRequests;
import org.egovca.kmc.protocol.EntNames;
import org.egovca.kmc.protocol.EnvelopedKeys;
import org.egovca.kmc.protocol.KmResponds;
import org.egovca.kmc.protocol.ProtocolCertificates;
import org.egovca.kmc.protocol.asn1.AppUserInfo;
import org.egovca.kmc.protocol.asn1.ApplyKeyReq;
import org.egovca.kmc.protocol.asn1.ErrorPkgRespond;
import org.egovca.kmc.protocol.asn1.KMRespond;
import org.egovca.kmc.protocol.asn1.KSRequest;
import org.egovca.kmc.protocol.asn1.Request;
import org.egovca.kmc.protocol.asn1.Respond;
import org.egovca.kmc.protocol.asn1.RestoreKeyReq;
import org.egovca.kmc.protocol.asn1.RevokeKeyReq;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention of escrowed keys (CPS §7.5.2.2.5): keys of expired certificates archived and still
 * restorable, destroyed with a record 10 years after expiry, revocations kept, sweeps idempotent
 * and batched; on the KMC's PostgreSQL database, with keys escrowed through the protocol and a
 * clock the test moves on.
 */
class EscrowRetentionTest {

  private static final Provider BC = new BouncyCastleProvider();
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final Duration ONE_DAY = Duration.ofDays(1);
  private static KmcTestDatabase database;

  @TempDir Path home;
  private final MovingClock clock = new MovingClock();
  private KeyPair caKeys;
  private X509CertificateHolder caCertificate;
  private KmcService kmc;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = KmcTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.drop();
  }

  @BeforeEach
  void setUp() throws Exception {
    clock.now = T0;
    caKeys = sm2();
    caCertificate =
        ProtocolCertificates.selfSigned(
            new X500Name("CN=Test CA client,O=Test,C=CN"), caKeys.getPublic(), signer(), T0, 1);
    ProtocolCertificates.write(home.resolve(KmcSettings.PINNED_CA_FILE), caCertificate);
    kmc =
        KmcService.open(
            new KmcSettings(home, null, Duration.ofMinutes(5), 16), database.dataSource(), clock);
    // the sweep looks at every CA's keys: each test starts from an empty KMC
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "TRUNCATE escrow_destruction, key_restoration, escrowed_key, retention_sweep,"
              + " accepted_task");
    }
  }

  @Test
  void theKeyOfAnExpiredCertificateIsArchivedAndStillRestorable() throws Exception {
    Escrowed expired = escrow(BigInteger.valueOf(0x101), T0.plus(Duration.ofDays(365)));
    Escrowed valid = escrow(BigInteger.valueOf(0x102), T0.plus(Duration.ofDays(730)));
    Map<String, Object> validBefore = row(valid.serial());
    clock.now = expired.notAfter().plus(ONE_DAY);

    EscrowRetention.Sweep sweep = retention(1000).run();

    assertEquals(1, sweep.archived());
    assertEquals(0, sweep.destroyed());
    Map<String, Object> archived = row(expired.serial());
    assertEquals("ARCHIVED", archived.get("state"));
    assertEquals(clock.now, archived.get("archived_at"));
    assertEquals(sweep.id(), archived.get("archived_by_sweep"));
    assertNotNull(archived.get("escrowed_private_key"));
    assertEquals(validBefore, row(valid.serial()), "a key still valid is left as it was");

    KeyPair recipient = sm2();
    Respond restored = only(send(List.of(restore(expired.serial(), recipient))));
    assertEquals(Respond.Kind.RET_RESTORE_KEY, restored.getKind());
    KeyPair recovered =
        EnvelopedKeys.open(restored.getRetKeyRespond().getRetPriKey(), recipient.getPrivate());
    assertArrayEquals(expired.key().getPrivate().getEncoded(), recovered.getPrivate().getEncoded());
  }

  @Test
  void aKeyExpiredTenYearsAndADayAgoIsDestroyedWithARecordAndNoLongerRestored() throws Exception {
    Escrowed old = escrow(BigInteger.valueOf(0x201), T0.plus(Duration.ofDays(365)));
    Escrowed younger = escrow(BigInteger.valueOf(0x202), old.notAfter().plus(Duration.ofDays(2)));
    clock.now = old.notAfter().atOffset(ZoneOffset.UTC).plusYears(10).plusDays(1).toInstant();
    long vacuumsBefore = vacuumCount();

    EscrowRetention.Sweep sweep = retention(1000).run();

    assertEquals(2, sweep.archived());
    assertEquals(1, sweep.destroyed());
    Map<String, Object> destroyed = row(old.serial());
    assertEquals("DESTROYED", destroyed.get("state"));
    assertNull(destroyed.get("escrowed_private_key"), "no private key bytes are left in the row");
    assertEquals(clock.now, destroyed.get("destroyed_at"));
    assertEquals(sweep.id(), destroyed.get("destroyed_by_sweep"));
    Map<String, Object> record = destruction(old.serial());
    assertEquals(new Bytes(old.publicKey()), record.get("public_key"));
    assertEquals(old.notAfter(), record.get("not_after"));
    assertEquals(clock.now, record.get("archived_at"));
    assertEquals(clock.now, record.get("destroyed_at"));
    assertEquals(sweep.id(), record.get("sweep_id"));
    assertNull(record.get("revoked_at"));
    assertEquals("ARCHIVED", row(younger.serial()).get("state"), "ten years less a day: kept");

    ErrorPkgRespond refused =
        only(send(List.of(restore(old.serial(), sm2())))).getErrorPkgRespond();
    assertEquals(KeyRequests.ESCROW_DESTROYED, refused.getErrNo());
    String date = clock.now.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    assertEquals(
        "the escrowed key of encryption certificate 201 was destroyed on "
            + date
            + " after its retention of 10 years past the certificate's expiry",
        refused.getErrDesc().orElseThrow());

    assertTrue(sweep.vacuumed(), "VACUUM escrowed_key ran after the destruction");
    assertTrue(vacuumedSince(vacuumsBefore), "PostgreSQL counted the VACUUM");

    Map<String, Object> before = row(old.serial());
    Respond revoked = only(send(List.of(Request.revokeKey(new RevokeKeyReq(old.serial())))));
    assertEquals(Respond.Kind.REVOKE_KEY, revoked.getKind(), "nothing left to stop: no error");
    assertEquals(before, row(old.serial()), "a destroyed key is left as its destruction left it");
  }

  @Test
  void anEscrowBeingRestoredIsDestroyedOnlyAfterTheRestoreCommits() throws Exception {
    Escrowed old = escrow(BigInteger.valueOf(0x251), T0.plus(Duration.ofDays(365)));
    clock.now = old.notAfter().atOffset(ZoneOffset.UTC).plusYears(10).plusDays(1).toInstant();
    byte[] caKeyHash = ((Bytes) row(old.serial()).get("ca_key_hash")).bytes();
    KmcStore store = new KmcStore(database.dataSource());

    // a restore has read the escrow (share-locked) and not yet committed: the sweep skips it
    EscrowRetention.Sweep during =
        store.inTransaction(
            records -> {
              assertTrue(records.escrowed(caKeyHash, old.serial()).isPresent());
              return retention(1000).run();
            });
    assertEquals(0, during.destroyed());
    assertNotNull(row(old.serial()).get("escrowed_private_key"));

    EscrowRetention.Sweep after = retention(1000).run();
    assertEquals(1, after.destroyed());
    assertEquals("DESTROYED", row(old.serial()).get("state"));
  }

  @Test
  void noKeyIsDestroyedWhileTheClockDisagreesWithTheDatabaseServer() throws Exception {
    Escrowed old = escrow(BigInteger.valueOf(0x261), T0.plus(Duration.ofDays(365)));
    clock.now = old.notAfter().atOffset(ZoneOffset.UTC).plusYears(10).plusDays(1).toInstant();
    Instant databaseTime = clock.now.minus(Duration.ofDays(3));
    KmcStore store = new KmcStore(database.dataSource());

    EscrowRetention.Sweep skewed =
        new EscrowRetention(store, clock, () -> databaseTime, 1000).run();

    assertEquals(1, skewed.archived(), "archiving keeps the key restorable: it goes on");
    assertEquals(0, skewed.destroyed());
    assertNotNull(row(old.serial()).get("escrowed_private_key"));
    // the real database server's time is checked too: here it is days before the test's clock
    assertEquals(0, new EscrowRetention(store, clock, store::databaseNow, 1000).run().destroyed());
    assertEquals(1, retention(1000).run().destroyed(), "once they agree, the key goes");
  }

  @Test
  void aVacuumPostgreSqlSkipsDoesNotUndoTheDestruction() throws Exception {
    Escrowed old = escrow(BigInteger.valueOf(0x251), T0.plus(Duration.ofDays(365)));
    clock.now = T0.atOffset(ZoneOffset.UTC).plusYears(12).toInstant();
    KmcStore notOwner = new KmcStore(database.dataSourceOfAnotherRole());

    EscrowRetention.Sweep sweep = new EscrowRetention(notOwner, clock, clock::instant, 1000).run();

    assertEquals(1, sweep.destroyed());
    assertFalse(sweep.vacuumed(), "only the table's owner may VACUUM it: PostgreSQL skipped it");
    assertEquals("DESTROYED", row(old.serial()).get("state"));
    assertNotNull(destruction(old.serial()).get("destroyed_at"));
  }

  @Test
  void theDatabaseKeepsThePrivateKeyExactlyUntilTheKeyIsDestroyed() throws Exception {
    Escrowed key = escrow(BigInteger.valueOf(0x261), T0.plus(Duration.ofDays(365)));
    String serial = key.serial().toString();
    assertViolates(
        "escrowed_key_destroyed",
        "UPDATE escrowed_key SET escrowed_private_key = NULL WHERE user_cert_no = " + serial);
    clock.now = T0.atOffset(ZoneOffset.UTC).plusYears(12).toInstant();
    retention(1000).run();
    assertViolates(
        "escrowed_key_destroyed",
        "UPDATE escrowed_key SET escrowed_private_key = '\\x00' WHERE user_cert_no = " + serial);
    assertViolates(
        "escrowed_key_archived",
        "UPDATE escrowed_key SET archived_at = NULL WHERE user_cert_no = " + serial);
  }

  @Test
  void aRevokedKeyIsArchivedWithItsRevocationAndDestroyedWithIt() throws Exception {
    Escrowed revoked = escrow(BigInteger.valueOf(0x301), T0.plus(Duration.ofDays(365)));
    send(List.of(Request.revokeKey(new RevokeKeyReq(revoked.serial()))));
    Map<String, Object> atRevocation = row(revoked.serial());
    assertEquals("REVOKED", atRevocation.get("state"));
    clock.now = revoked.notAfter().plus(ONE_DAY);

    retention(1000).run();

    Map<String, Object> archived = row(revoked.serial());
    assertEquals("ARCHIVED", archived.get("state"));
    assertEquals(T0, archived.get("revoked_at"));
    assertEquals(atRevocation.get("revoked_by_task"), archived.get("revoked_by_task"));

    Respond again = only(send(List.of(Request.revokeKey(new RevokeKeyReq(revoked.serial())))));
    assertEquals(Respond.Kind.REVOKE_KEY, again.getKind());
    assertEquals(archived, row(revoked.serial()), "archived stays archived, first revocation kept");

    clock.now = revoked.notAfter().atOffset(ZoneOffset.UTC).plusYears(11).toInstant();
    retention(1000).run();
    assertEquals(T0, destruction(revoked.serial()).get("revoked_at"));
  }

  @Test
  void aSecondSweepChangesNothingAndRecordsNoSecondDestruction() throws Exception {
    Escrowed old = escrow(BigInteger.valueOf(0x401), T0.plus(Duration.ofDays(30)));
    Escrowed expired = escrow(BigInteger.valueOf(0x402), T0.plus(Duration.ofDays(3000)));
    Escrowed valid = escrow(BigInteger.valueOf(0x403), T0.plus(Duration.ofDays(5000)));
    clock.now = T0.plus(Duration.ofDays(30 + 3653 + 5));
    retention(1000).run();
    List<Map<String, Object>> keys = rows("SELECT * FROM escrowed_key ORDER BY user_cert_no");
    List<Map<String, Object>> records = rows("SELECT * FROM escrow_destruction");
    assertEquals(1, records.size());
    assertEquals(
        List.of("DESTROYED", "ARCHIVED", "ACTIVE"),
        List.of(
            row(old.serial()).get("state"),
            row(expired.serial()).get("state"),
            row(valid.serial()).get("state")));

    clock.now = clock.now.plus(Duration.ofHours(1));
    EscrowRetention.Sweep second = retention(1000).run();

    assertEquals(0, second.archived());
    assertEquals(0, second.destroyed());
    assertEquals(keys, rows("SELECT * FROM escrowed_key ORDER BY user_cert_no"));
    assertEquals(records, rows("SELECT * FROM escrow_destruction"));
  }

  @Test
  void aBacklogLargerThanTheBatchIsAllHandled() throws Exception {
    List<Request> applies = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      applies.add(apply(BigInteger.valueOf(0x500 + i), sm2(), T0.plus(Duration.ofDays(i))));
    }
    send(applies);
    clock.now = T0.plus(Duration.ofDays(8));

    EscrowRetention.Sweep archiving = retention(3).run();

    assertEquals(7, archiving.archived());
    assertEquals(7, count("SELECT count(*) FROM escrowed_key WHERE state = 'ARCHIVED'"));
    assertEquals(List.of(7, 0), sweepCounts(archiving.id()));

    clock.now = T0.atOffset(ZoneOffset.UTC).plusYears(11).toInstant();
    EscrowRetention.Sweep destroying = retention(7).run();

    assertEquals(7, destroying.destroyed());
    assertEquals(7, count("SELECT count(*) FROM escrow_destruction"));
    assertEquals(7, count("SELECT count(*) FROM escrowed_key WHERE escrowed_private_key IS NULL"));
    assertEquals(List.of(0, 7), sweepCounts(destroying.id()));
    assertEquals(0, count("SELECT count(*) FROM retention_sweep WHERE finished_at IS NULL"));
  }

  private static void assertViolates(String constraint, String sql) throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate(sql));
      assertTrue(refused.getMessage().contains(constraint), refused.getMessage());
    }
  }

  private EscrowRetention retention(int batchSize) {
    return new EscrowRetention(
        new KmcStore(database.dataSource()), clock, clock::instant, batchSize);
  }

  /** Escrows a key through an ApplyKeyReq and returns what the holder received. */
  private Escrowed escrow(BigInteger serial, Instant notAfter) throws Exception {
    KeyPair holder = sm2();
    Respond applied = only(send(List.of(apply(serial, holder, notAfter))));
    KeyPair delivered =
        EnvelopedKeys.open(applied.getRetKeyRespond().getRetPriKey(), holder.getPrivate());
    byte[] publicKey = applied.getRetKeyRespond().getRetPubKey().getEncoded(ASN1Encoding.DER);
    return new Escrowed(serial, notAfter, delivered, publicKey);
  }

  private List<Respond> send(List<Request> requests) throws Exception {
    KSRequest request =
        new KSRequest(
            EntNames.of(caCertificate),
            requests,
            clock.instant(),
            CaRequests.newTaskNo(new SecureRandom()));
    KMRespond answer =
        KmResponds.parse(kmc.handle(CaRequests.sign(request, signer()).getEncoded()));
    KmResponds.verify(answer, kmc.certificate().getSubjectPublicKeyInfo());
    KmResponds.checkAnswers(answer.getKsRespond(), request);
    return answer.getKsRespond().getRespondList();
  }

  private Request apply(BigInteger serial, KeyPair holder, Instant notAfter) {
    return Request.applyKey(
        ApplyKeyReq.sm2(
            new AppUserInfo(
                serial,
                SubjectPublicKeyInfo.getInstance(holder.getPublic().getEncoded()),
                T0,
                notAfter,
                "CN=Holder,C=CN".getBytes(StandardCharsets.UTF_8),
                null,
                null)));
  }

  private static Request restore(BigInteger serial, KeyPair recipient) {
    return Request.restoreKey(
        RestoreKeyReq.sm2(
            serial, SubjectPublicKeyInfo.getInstance(recipient.getPublic().getEncoded())));
  }

  private static Respond only(List<Respond> answers) {
    assertEquals(1, answers.size());
    return answers.get(0);
  }

  private Map<String, Object> row(BigInteger serial) throws Exception {
    return single("SELECT * FROM escrowed_key WHERE user_cert_no = " + serial);
  }

  private Map<String, Object> destruction(BigInteger serial) throws Exception {
    return single("SELECT * FROM escrow_destruction WHERE user_cert_no = " + serial);
  }

  private Map<String, Object> single(String sql) throws Exception {
    List<Map<String, Object>> found = rows(sql);
    assertEquals(1, found.size(), sql);
    return found.get(0);
  }

  /**
   * Rows as column maps: timestamps as Instants, byte arrays as lists (so that equals compares).
   */
  private static List<Map<String, Object>> rows(String sql) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnName(i), value(result.getObject(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Object value(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return value instanceof byte[] bytes ? new Bytes(bytes) : value;
  }

  private static int count(String sql) throws Exception {
    return ((Number) rows(sql).get(0).values().iterator().next()).intValue();
  }

  private static List<Integer> sweepCounts(long sweep) throws Exception {
    Map<String, Object> row =
        rows("SELECT archived, destroyed FROM retention_sweep WHERE id = " + sweep).get(0);
    return List.of((Integer) row.get("archived"), (Integer) row.get("destroyed"));
  }

  /** How often PostgreSQL vacuumed escrowed_key by command. */
  private static long vacuumCount() throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'escrowed_key'");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Whether the VACUUM count grew past {@code before} (statistics may lag a moment). */
  private static boolean vacuumedSince(long before) throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      if (vacuumCount() > before) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static KeyPair sm2() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
    generator.initialize(new ECGenParameterSpec("sm2p256v1"));
    return generator.generateKeyPair();
  }

  private ContentSigner signer() throws Exception {
    return new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(caKeys.getPrivate());
  }

  /** What a test escrowed: the serial, the certificate's end, the key pair and its public key. */
  private record Escrowed(BigInteger serial, Instant notAfter, KeyPair key, byte[] publicKey) {}

  /** A byte array compared by content, for row maps. */
  private record Bytes(byte[] bytes) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }

  /** The KMC's and the sweep's clock, which a test moves on. */
  private static final class MovingClock extends Clock {
    private volatile Instant now;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
