package org.egovca.kmc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.egovca.kmc.protocol.CaRequests;
import org.egovca.kmc.protocol.EntNames;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KMC's restoration budget ({@link RestorationBudget}): exactly N RestoreKeyReq envelopes per
 * CA in a rolling 24 hours, then ErrorPkgRespond {@link KeyRequests#RESTORATION_LIMIT} and a SEVERE
 * line; the window rolls with the clock; each CA has its own budget; concurrent messages cannot
 * both take the last envelope; a bad setting stops the KMC. Also the WARNING for a recipient key
 * the escrowed key was never enveloped for. On the KMC's PostgreSQL database, through the protocol.
 */
class RestorationBudgetTest {

  private static final Provider BC = new BouncyCastleProvider();
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static KmcTestDatabase database;

  @TempDir Path home;
  private final MovingClock clock = new MovingClock();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord entry) {
          logged.add(entry);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void createDatabase() throws Exception {
    database = KmcTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.drop();
  }

  @BeforeEach
  void setUp() {
    clock.now = T0;
    Logger.getLogger(RestorationBudget.class.getName()).addHandler(capture);
    Logger.getLogger(KeyRequests.class.getName()).addHandler(capture);
  }

  @AfterEach
  void tearDown() {
    Logger.getLogger(RestorationBudget.class.getName()).removeHandler(capture);
    Logger.getLogger(KeyRequests.class.getName()).removeHandler(capture);
  }

  @Test
  void theBudgetAllowsExactlyTheLimitThenRefusesNamingItAndWhenItFreesUp() throws Exception {
    Ca ca = ca("a", 3);
    BigInteger serial = BigInteger.valueOf(0x601);
    KeyPair holder = sm2();
    ca.send(apply(serial, holder));
    assertEquals(Respond.Kind.RET_RESTORE_KEY, ca.send(restore(serial, holder)).get(0).getKind());
    clock.now = T0.plus(HOUR);
    assertEquals(Respond.Kind.RET_RESTORE_KEY, ca.send(restore(serial, holder)).get(0).getKind());

    // the budget counts envelopes, not messages: of two in one message only the first fits
    clock.now = T0.plus(HOUR.multipliedBy(2));
    List<Respond> answers = ca.send(restore(serial, holder), restore(serial, holder));

    assertEquals(Respond.Kind.RET_RESTORE_KEY, answers.get(0).getKind());
    ErrorPkgRespond refused = answers.get(1).getErrorPkgRespond();
    assertEquals(KeyRequests.RESTORATION_LIMIT, refused.getErrNo());
    assertEquals(
        "the KMC's restoration limit of 3 envelopes per CA in 24 hours is reached (3 since"
            + " 2026-02-28T10:00:00Z); the next restoration is possible from 2026-03-02T08:00:00Z",
        refused.getErrDesc().orElseThrow());
    assertEquals(3, restorations(ca));
    LogRecord alarm = only(Level.SEVERE);
    assertTrue(alarm.getMessage().startsWith("restoration budget exhausted: CA key hash "));
    assertTrue(alarm.getMessage().contains(HexFormat.of().formatHex(ca.keyHash())));
    assertTrue(alarm.getMessage().contains(" had 3 RestoreKeyReq envelopes"), alarm.getMessage());
    assertTrue(alarm.getMessage().contains("the limit is 3"), alarm.getMessage());

    assertEquals(
        KeyRequests.RESTORATION_LIMIT,
        ca.send(restore(serial, holder)).get(0).getErrorPkgRespond().getErrNo());
    assertEquals(3, restorations(ca), "a refusal records no restoration");
  }

  @Test
  void restorationsOlderThan24HoursNoLongerCount() throws Exception {
    Ca ca = ca("a", 2);
    BigInteger serial = BigInteger.valueOf(0x602);
    KeyPair holder = sm2();
    ca.send(apply(serial, holder));
    ca.send(restore(serial, holder));
    clock.now = T0.plus(HOUR);
    ca.send(restore(serial, holder));

    clock.now = T0.plus(Duration.ofHours(24)).minusSeconds(1);
    ErrorPkgRespond refused = ca.send(restore(serial, holder)).get(0).getErrorPkgRespond();
    assertEquals(KeyRequests.RESTORATION_LIMIT, refused.getErrNo());
    assertTrue(
        refused.getErrDesc().orElseThrow().endsWith("possible from 2026-03-02T08:00:00Z"),
        refused.getErrDesc().orElseThrow());

    clock.now = T0.plus(Duration.ofHours(24));
    assertEquals(Respond.Kind.RET_RESTORE_KEY, ca.send(restore(serial, holder)).get(0).getKind());
    ErrorPkgRespond again = ca.send(restore(serial, holder)).get(0).getErrorPkgRespond();
    assertTrue(
        again.getErrDesc().orElseThrow().endsWith("possible from 2026-03-02T09:00:00Z"),
        "now the restoration of T0 + 1 hour is the one to leave the window");
  }

  @Test
  void anotherCasBudgetIsSeparate() throws Exception {
    Ca first = ca("a", 1);
    Ca second = ca("b", 1);
    BigInteger serial = BigInteger.valueOf(0x603);
    KeyPair holder = sm2();
    first.send(apply(serial, holder));
    second.send(apply(serial, holder));
    first.send(restore(serial, holder));
    assertEquals(
        KeyRequests.RESTORATION_LIMIT,
        first.send(restore(serial, holder)).get(0).getErrorPkgRespond().getErrNo());

    assertEquals(
        Respond.Kind.RET_RESTORE_KEY, second.send(restore(serial, holder)).get(0).getKind());
    assertEquals(
        KeyRequests.RESTORATION_LIMIT,
        second.send(restore(serial, holder)).get(0).getErrorPkgRespond().getErrNo());
    assertEquals(1, restorations(first));
    assertEquals(1, restorations(second));
  }

  @Test
  void ofTwoConcurrentMessagesForTheLastEnvelopeExactlyOneGetsIt() throws Exception {
    Ca ca = ca("a", 3);
    BigInteger serial = BigInteger.valueOf(0x604);
    KeyPair holder = sm2();
    ca.send(apply(serial, holder));
    ca.send(restore(serial, holder));
    ca.send(restore(serial, holder));
    byte[] one = ca.signed(List.of(restore(serial, holder)));
    byte[] other = ca.signed(List.of(restore(serial, holder)));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<List<Respond>>> answers = new ArrayList<>();
    try {
      for (byte[] message : List.of(one, other)) {
        answers.add(
            threads.submit(
                () -> {
                  start.await();
                  return ca.answers(ca.kmc.handle(message));
                }));
      }
      start.countDown();
      List<Respond.Kind> kinds = new ArrayList<>();
      for (Future<List<Respond>> answer : answers) {
        kinds.add(answer.get(60, TimeUnit.SECONDS).get(0).getKind());
      }
      assertEquals(
          1, kinds.stream().filter(Respond.Kind.RET_RESTORE_KEY::equals).count(), "" + kinds);
      assertEquals(1, kinds.stream().filter(Respond.Kind.ERROR_PKG::equals).count(), "" + kinds);
    } finally {
      threads.shutdownNow();
    }
    assertEquals(3, restorations(ca));
  }

  @Test
  void aBadSettingIsRefusedAtStart() {
    IllegalArgumentException zero =
        assertThrows(
            IllegalArgumentException.class,
            () -> new KmcSettings(home, null, Duration.ofMinutes(5), 16, 0));
    assertEquals(
        "the KMC's restoration budget (egovca.kmc.restorationsPerDay) must allow at least 1"
            + " RestoreKeyReq per CA in 24 hours, not 0",
        zero.getMessage());
    assertEquals(50, fromProperty(null).restorationsPerDay());
    assertEquals(7, fromProperty("7").restorationsPerDay());
    assertThrows(IllegalArgumentException.class, () -> fromProperty("-1"));
    IllegalArgumentException typo =
        assertThrows(IllegalArgumentException.class, () -> fromProperty("5O"));
    assertEquals(
        "the KMC's restoration budget (egovca.kmc.restorationsPerDay) must be a whole number of"
            + " RestoreKeyReq per CA in 24 hours, not '5O'",
        typo.getMessage());
  }

  @Test
  void aRecipientKeyNeverEnvelopedForBeforeIsLoggedButRestored() throws Exception {
    Ca ca = ca("a", 10);
    BigInteger serial = BigInteger.valueOf(0x6a5);
    KeyPair holder = sm2();
    ca.send(apply(serial, holder));
    ca.send(restore(serial, holder));
    assertTrue(warnings().isEmpty(), "the holder's own key at escrow: nothing to see");

    KeyPair court = sm2();
    assertEquals(Respond.Kind.RET_RESTORE_KEY, ca.send(restore(serial, court)).get(0).getKind());
    assertEquals(1, warnings().size());
    assertTrue(warnings().get(0).getMessage().contains("certificate 6a5 "), "" + warnings());

    ca.send(restore(serial, court));
    assertEquals(1, warnings().size(), "a recipient restored to before is not logged again");
    assertFalse(logged.stream().anyMatch(entry -> entry.getLevel() == Level.SEVERE));
  }

  private KmcSettings fromProperty(String value) {
    String before = System.getProperty(KmcSettings.RESTORATIONS_PER_DAY);
    String homeBefore = System.getProperty("egovca.kmc.home");
    try {
      System.setProperty("egovca.kmc.home", home.toString());
      if (value == null) {
        System.clearProperty(KmcSettings.RESTORATIONS_PER_DAY);
      } else {
        System.setProperty(KmcSettings.RESTORATIONS_PER_DAY, value);
      }
      return KmcSettings.fromSystemProperties();
    } finally {
      restoreProperty("egovca.kmc.home", homeBefore);
      restoreProperty(KmcSettings.RESTORATIONS_PER_DAY, before);
    }
  }

  private static void restoreProperty(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  private List<LogRecord> warnings() {
    return logged.stream().filter(entry -> entry.getLevel() == Level.WARNING).toList();
  }

  private LogRecord only(Level level) {
    List<LogRecord> found = logged.stream().filter(entry -> entry.getLevel() == level).toList();
    assertEquals(1, found.size(), "" + found);
    return found.get(0);
  }

  private static int restorations(Ca ca) throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT count(*) FROM key_restoration WHERE ca_key_hash = ?")) {
      select.setBytes(1, ca.keyHash());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  /** A CA with its own protocol key, and the KMC (same database) that pins it. */
  private Ca ca(String name, int restorationsPerDay) throws Exception {
    Path kmcHome = Files.createDirectories(home.resolve(name));
    KeyPair keys = sm2();
    X509CertificateHolder certificate =
        ProtocolCertificates.selfSigned(
            new X500Name("CN=Test CA " + name + ",O=Test,C=CN"),
            keys.getPublic(),
            new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(keys.getPrivate()),
            T0,
            1);
    ProtocolCertificates.write(kmcHome.resolve(KmcSettings.PINNED_CA_FILE), certificate);
    KmcService kmc =
        KmcService.open(
            new KmcSettings(kmcHome, null, Duration.ofMinutes(5), 16, restorationsPerDay),
            database.dataSource(),
            clock);
    return new Ca(keys, certificate, kmc, clock);
  }

  private record Ca(KeyPair keys, X509CertificateHolder certificate, KmcService kmc, Clock clock) {

    byte[] keyHash() {
      return EntNames.of(certificate).getEntPubKeyHash();
    }

    List<Respond> send(Request... requests) throws Exception {
      return answers(kmc.handle(signed(List.of(requests))));
    }

    byte[] signed(List<Request> requests) throws Exception {
      KSRequest request =
          new KSRequest(
              EntNames.of(certificate),
              requests,
              clock.instant(),
              CaRequests.newTaskNo(new SecureRandom()));
      return CaRequests.sign(
              request,
              new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(keys.getPrivate()))
          .getEncoded();
    }

    List<Respond> answers(byte[] der) throws Exception {
      KMRespond answer = KmResponds.parse(der);
      KmResponds.verify(answer, kmc.certificate().getSubjectPublicKeyInfo());
      return answer.getKsRespond().getRespondList();
    }
  }

  private Request apply(BigInteger serial, KeyPair holder) {
    return Request.applyKey(
        ApplyKeyReq.sm2(
            new AppUserInfo(
                serial,
                SubjectPublicKeyInfo.getInstance(holder.getPublic().getEncoded()),
                T0,
                T0.plus(Duration.ofDays(365)),
                "CN=Holder,C=CN".getBytes(StandardCharsets.UTF_8),
                null,
                null)));
  }

  private static Request restore(BigInteger serial, KeyPair recipient) {
    return Request.restoreKey(
        RestoreKeyReq.sm2(
            serial, SubjectPublicKeyInfo.getInstance(recipient.getPublic().getEncoded())));
  }

  private static KeyPair sm2() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
    generator.initialize(new ECGenParameterSpec("sm2p256v1"));
    return generator.generateKeyPair();
  }

  /** The KMC's clock, which a test moves on. */
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
