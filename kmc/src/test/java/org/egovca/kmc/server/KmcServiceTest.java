package org.egovca.kmc.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.egovca.kmc.protocol.KmcProtocolException;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.ProtocolCertificates;
import org.egovca.kmc.protocol.asn1.AppUserInfo;
import org.egovca.kmc.protocol.asn1.ApplyKeyReq;
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
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The KMC's handling of CARequests, on a PostgreSQL database of its own (the machine's server at
 * 127.0.0.1:5432, reached as postgres without a password, as the CA's service tier does) and a
 * software token in a temporary directory: apply, restore, revoke; the replay window across a
 * restart; the request cap; a wrong signature; a stale request.
 */
class KmcServiceTest {

  private static final Provider BC = new BouncyCastleProvider();
  private static KmcTestDatabase database;
  private static PGSimpleDataSource dataSource;

  @TempDir Path home;
  private KeyPair caKeys;
  private X509CertificateHolder caCertificate;
  private final Instant now = Instant.parse("2026-03-01T08:00:00Z");
  private KmcService kmc;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = KmcTestDatabase.create();
    dataSource = database.dataSource();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.drop();
  }

  @BeforeEach
  void setUp() throws Exception {
    caKeys = sm2();
    caCertificate =
        ProtocolCertificates.selfSigned(
            new X500Name("CN=Test CA client,O=Test,C=CN"),
            caKeys.getPublic(),
            signer(caKeys),
            now,
            1);
    ProtocolCertificates.write(home.resolve(KmcSettings.PINNED_CA_FILE), caCertificate);
    kmc = open(16);
  }

  @Test
  void appliesRestoresAndRevokes() throws Exception {
    KeyPair holder = sm2();
    BigInteger serial = BigInteger.valueOf(0x5eed);
    Respond applied = only(send(List.of(apply(serial, holder))));
    KeyPair delivered =
        EnvelopedKeys.open(applied.getRetKeyRespond().getRetPriKey(), holder.getPrivate());

    KeyPair newHolder = sm2();
    Respond restored = only(send(List.of(restore(serial, newHolder))));
    KeyPair recovered =
        EnvelopedKeys.open(restored.getRetKeyRespond().getRetPriKey(), newHolder.getPrivate());
    assertArrayEquals(delivered.getPrivate().getEncoded(), recovered.getPrivate().getEncoded());

    Respond revoked = only(send(List.of(Request.revokeKey(new RevokeKeyReq(serial)))));
    assertEquals(Respond.Kind.REVOKE_KEY, revoked.getKind());
    assertEquals(
        Respond.Kind.RET_RESTORE_KEY, only(send(List.of(restore(serial, newHolder)))).getKind());
  }

  @Test
  void aSerialEscrowedAlreadyAndAnUnknownSerialAreErrorsOfTheirRequestOnly() throws Exception {
    BigInteger serial = BigInteger.valueOf(0xabc);
    send(List.of(apply(serial, sm2())));
    List<Respond> answers =
        send(List.of(apply(serial, sm2()), Request.revokeKey(new RevokeKeyReq(BigInteger.TEN))));
    assertEquals(KeyRequests.KEY_EXISTS, answers.get(0).getErrorPkgRespond().getErrNo());
    assertEquals(KeyRequests.NO_SUCH_KEY, answers.get(1).getErrorPkgRespond().getErrNo());
  }

  @Test
  void aReplayIsRefusedAlsoAfterARestart() throws Exception {
    byte[] message = signed(List.of(apply(BigInteger.ONE, sm2())), now, signer(caKeys));
    kmc.handle(message);

    KmcService restarted = open(16);

    assertRefused(Refusal.REPLAYED, () -> restarted.handle(message));
  }

  @Test
  void moreRequestsThanTheCapAreRefused() throws Exception {
    List<Request> requests = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      requests.add(Request.revokeKey(new RevokeKeyReq(BigInteger.valueOf(i))));
    }
    KmcService capped = open(2);
    assertRefused(Refusal.MALFORMED, () -> capped.handle(signed(requests, now, signer(caKeys))));
  }

  @Test
  void aRequestSignedByAnotherKeyIsRefused() throws Exception {
    List<Request> requests = List.of(apply(BigInteger.TWO, sm2()));
    assertRefused(Refusal.BAD_SIGNATURE, () -> kmc.handle(signed(requests, now, signer(sm2()))));
  }

  @Test
  void aStaleRequestIsRefused() throws Exception {
    List<Request> requests = List.of(apply(BigInteger.TEN, sm2()));
    assertRefused(
        Refusal.NOT_FRESH,
        () -> kmc.handle(signed(requests, now.minus(Duration.ofHours(1)), signer(caKeys))));
  }

  @Test
  void garbageIsRefusedAsMalformed() {
    assertRefused(Refusal.MALFORMED, () -> kmc.handle(new byte[] {0x30, 0x03, 0x02, 0x01}));
  }

  private KmcService open(int maxRequests) {
    return KmcService.open(
        new KmcSettings(home, null, Duration.ofMinutes(5), maxRequests),
        dataSource,
        Clock.fixed(now, ZoneOffset.UTC));
  }

  private List<Respond> send(List<Request> requests) throws Exception {
    KSRequest request =
        new KSRequest(
            EntNames.of(caCertificate),
            requests,
            now,
            CaRequests.newTaskNo(new java.security.SecureRandom()));
    KMRespond answer =
        KmResponds.parse(kmc.handle(CaRequests.sign(request, signer(caKeys)).getEncoded()));
    KmResponds.verify(answer, kmc.certificate().getSubjectPublicKeyInfo());
    KmResponds.checkAnswers(answer.getKsRespond(), request);
    return answer.getKsRespond().getRespondList();
  }

  private byte[] signed(List<Request> requests, Instant time, ContentSigner signer)
      throws Exception {
    KSRequest request =
        new KSRequest(
            EntNames.of(caCertificate),
            requests,
            time,
            CaRequests.newTaskNo(new java.security.SecureRandom()));
    return CaRequests.sign(request, signer).getEncoded();
  }

  private static Respond only(List<Respond> answers) {
    assertEquals(1, answers.size());
    return answers.get(0);
  }

  private Request apply(BigInteger serial, KeyPair holder) {
    return Request.applyKey(
        ApplyKeyReq.sm2(
            new AppUserInfo(
                serial,
                SubjectPublicKeyInfo.getInstance(holder.getPublic().getEncoded()),
                now,
                now.plus(Duration.ofDays(365)),
                "CN=Holder,C=CN".getBytes(StandardCharsets.UTF_8),
                null,
                null)));
  }

  private static Request restore(BigInteger serial, KeyPair recipient) {
    return Request.restoreKey(
        RestoreKeyReq.sm2(
            serial, SubjectPublicKeyInfo.getInstance(recipient.getPublic().getEncoded())));
  }

  private static void assertRefused(
      Refusal refusal, org.junit.jupiter.api.function.Executable call) {
    KmcProtocolException e = assertThrows(KmcProtocolException.class, call);
    assertEquals(refusal, e.getRefusal(), e.getMessage());
  }

  private static KeyPair sm2() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
    generator.initialize(new ECGenParameterSpec("sm2p256v1"));
    return generator.generateKeyPair();
  }

  private static ContentSigner signer(KeyPair key) throws Exception {
    return new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(key.getPrivate());
  }
}
