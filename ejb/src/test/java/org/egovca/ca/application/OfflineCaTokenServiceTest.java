package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.auditEvents;
import static org.egovca.ca.application.CaServiceFixtures.certificatesNamed;
import static org.egovca.ca.application.CaServiceFixtures.demoRa;
import static org.egovca.ca.application.CaServiceFixtures.personal;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.BatchRefusal;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.infrastructure.Health;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ca.x509.OfflineToken;
import org.egovca.ca.x509.RenewalProof;
import org.egovca.servicetier.OfflineCaToken;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A CA whose crypto token waits for its key custodians (CPS §6.5.2), as a production CA does after
 * a restart: the remote RA service refuses to issue with TOKEN_OFFLINE and writes nothing but the
 * refusal's audit event, OCSP answers the unsigned tryLater, CRLs and delegated signer renewals
 * wait (the log says so once), health says OFFLINE; once the token is active the CA issues again,
 * and the activation catches up with the CRLs that waited.
 */
@ExtendWith(ServiceTier.class)
class OfflineCaTokenServiceTest {

  private static final KeyPair SM2 = TestKeys.sm2KeyPair();

  @Inject RemoteRaService service;
  @Inject OcspService ocsp;
  @Inject CrlScheduler crlScheduler;
  @Inject IssuedCrls issuedCrls;
  @Inject CertificateAuthorities certificateAuthorities;
  @Inject OcspResponders ocspResponders;
  @Inject SyncSigners syncSigners;
  @Inject BackgroundSigning signing;
  @Inject Health health;

  /** However a test ends, the next one finds the token active. */
  @AfterEach
  void activeAgain() {
    OfflineCaToken.activateByTheCustodians();
  }

  private static long deliveries() {
    return ServiceTier.inTransaction(
        em -> em.createQuery("SELECT COUNT(d) FROM Delivery d", Long.class).getSingleResult());
  }

  @Test
  void aCertificateAskedForWhileTheTokenIsOfflineIsRefusedWithNothingWrittenThenIssued() {
    String cn = unique("Offline single ");
    long deliveriesBefore = deliveries();
    List<String> tasksBefore = ServiceTier.tasks().waiting();

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      Refusal refusal =
          refused(
              RefusalCode.TOKEN_OFFLINE,
              "key custodians",
              () -> service.issueCertificate(demoRa(), personal(cn, SM2)));
      assertEquals(OfflineToken.MESSAGE_KEY, refusal.problems().get(0).key());
      assertEquals(tasksBefore, ServiceTier.tasks().waiting(), "no work after a commit");
    }

    assertEquals(0, certificatesNamed(cn), "no certificate row");
    assertEquals(0, auditEvents(cn, AuditOutcome.SUCCESS), "no audited issuance");
    assertEquals(1, auditEvents(cn, AuditOutcome.FAILURE), "the refusal is audited");
    assertEquals(deliveriesBefore, deliveries(), "nothing queued for delivery");

    service.issueCertificate(demoRa(), personal(cn, SM2));
    assertEquals(1, certificatesNamed(cn), "issued once the token is active");
  }

  @Test
  void aBatchAskedForWhileTheTokenIsOfflineIsRefusedAsAWholeThenIssued() {
    String first = unique("Offline batch ");
    String second = unique("Offline batch ");
    List<IssuanceRequest> requests = List.of(personal(first, SM2), personal(second, SM2));

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      Refusal refusal =
          refused(
              RefusalCode.TOKEN_OFFLINE,
              "key custodians",
              () -> service.issueCertificates(demoRa(), requests));
      assertFalse(refusal instanceof BatchRefusal, "no request of the batch is at fault");
    }

    assertEquals(0, certificatesNamed(first));
    assertEquals(0, certificatesNamed(second));
    assertEquals(2, service.issueCertificates(demoRa(), requests).size());
  }

  @Test
  void aReKeyWhileTheTokenIsOfflineIsRefusedAndItsProofServesOnceTheTokenIsActive() {
    String cn = unique("Offline re-key ");
    KeyPair current = TestKeys.sm2KeyPair();
    String serial = service.issueCertificate(demoRa(), personal(cn, current)).serialNumberHex();
    String request = CaServiceFixtures.sm2Csr(TestKeys.sm2KeyPair());
    CaServiceFixtures.Proof proof =
        CaServiceFixtures.proof(
            RenewalProof.Operation.REKEY,
            serial,
            ServiceTier.clock().instant(),
            request,
            current.getPrivate());

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      refused(
          RefusalCode.TOKEN_OFFLINE,
          "key custodians",
          () ->
              service.rekeyCertificate(
                  demoRa(), serial, request, proof.statement(), proof.signature()));
    }

    assertEquals(1, certificatesNamed(cn), "no new certificate");
    // the proof's use rolled back with the rest: the RA asks again with the same proof
    service.rekeyCertificate(demoRa(), serial, request, proof.statement(), proof.signature());
    assertEquals(2, certificatesNamed(cn));
  }

  @Test
  void ocspAnswersTryLaterUnsignedWhileTheTokenIsOffline() throws Exception {
    CertificateView issued =
        service.issueCertificate(demoRa(), personal(unique("Offline OCSP "), SM2));
    byte[] request = ocspRequestWithNonce(issued);

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      OCSPResp answer = new OCSPResp(ocsp.respond(request));
      assertEquals(OCSPResp.TRY_LATER, answer.getStatus());
      assertNull(answer.getResponseObject(), "unsigned: no response bytes");
    }

    assertEquals(OCSPResp.SUCCESSFUL, new OCSPResp(ocsp.respond(request)).getStatus());
  }

  @Test
  void crlsWaitWhileTheTokenIsOfflineAndTheActivationCatchesUp() throws Exception {
    CertificateView issued =
        service.issueCertificate(demoRa(), personal(unique("Offline CRL "), SM2));
    String caName = issued.issuerCaName();
    long before = latestCrl(caName).crlNumber();

    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      // a revocation takes no signature: accepted, while the CRL that lists it waits
      assertEquals(
          CertificateStatus.REVOKED,
          service.revokeCertificate(demoRa(), issued.serialNumberHex(), "H", "HOLDER").status());
      ServiceTier.tasks().runAll(); // the CRL after the revocation: skipped
      ServiceTier.clock().advance(Duration.ofHours(24)); // and the regular CRL is due
      crlScheduler.issueDueCrls();
      assertEquals(before, latestCrl(caName).crlNumber(), "no CRL while offline");
    }

    // closing it, the demo custodians activated the token: CaTokenActivated queued the catch-up
    ServiceTier.tasks().runAll();

    IssuedCrls.CrlDownload caughtUp = latestCrl(caName);
    assertTrue(caughtUp.crlNumber() > before, "a CRL once the custodians activated the token");
    assertTrue(
        caughtUp.thisUpdate().isAfter(ServiceTier.clock().instant().minus(Duration.ofMinutes(1))),
        "issued after the activation, not before");
    X509CRLHolder crl = new X509CRLHolder(caughtUp.encoded());
    assertNotNull(
        crl.getRevokedCertificate(new BigInteger(issued.serialNumberHex(), 16)),
        "it lists the certificate revoked while the token was offline");
    assertTrue(
        crl.isSignatureValid(
            new JcaContentVerifierProviderBuilder()
                .setProvider(TestKeys.BC)
                .build(caCertificate(caName))),
        "signed by the CA key");
  }

  @Test
  void theLogSaysOnceThatTheTokenWaitsAndOnceThatItIsActiveAgain() {
    signing.mayRun("a check before the test"); // the log knows the token active
    try (LogRecords log = LogRecords.of(BackgroundSigning.class)) {
      try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
        crlScheduler.issueDueCrls();
        crlScheduler.issueDueCrls();
        ocspResponders.renewDue();
        syncSigners.renewDue();
      }
      assertEquals(1, log.count(Level.WARNING, "is OFFLINE"), log.toString());
      assertEquals(2, log.count(Level.FINE, "CRL issuance skipped"), log.toString());
      assertEquals(1, log.count(Level.FINE, "OCSP Responder certificates skipped"), log.toString());
      assertEquals(1, log.count(Level.FINE, "Sync Signer certificates skipped"), log.toString());

      crlScheduler.issueDueCrls();
      crlScheduler.issueDueCrls();
      assertEquals(1, log.count(Level.INFO, "is ACTIVE"), log.toString());
      assertEquals(1, log.count(Level.WARNING, "is OFFLINE"), log.toString());
    }
  }

  @Test
  void healthSaysTheTokenWaitsForTheKeyCustodians() {
    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      Health.Status status = health.check();
      assertTrue(status.ready(), "started");
      assertFalse(status.up());
      assertEquals("OFFLINE", status.state());
      assertEquals("custodians", status.waiting());
      assertEquals("OFFLINE", status.token());
      assertEquals(
          List.of(new Health.TokenHealth("ca", "software", "OFFLINE", "custodians")),
          status.tokens());
    }

    Health.Status status = health.check();
    assertEquals("ACTIVE", status.token());
    assertNull(status.waiting());
    assertEquals(
        List.of(new Health.TokenHealth("ca", "software", "ACTIVE", null)), status.tokens());
  }

  private IssuedCrls.CrlDownload latestCrl(String caName) {
    int keyIndex = certificateAuthorities.byName(caName).orElseThrow().getKeyIndex();
    return issuedCrls.completeCrl(caName, keyIndex).orElseThrow();
  }

  private X509CertificateHolder caCertificate(String caName) throws Exception {
    return new X509CertificateHolder(
        certificateAuthorities.byName(caName).orElseThrow().getEncoded());
  }

  /** An OCSP request for {@code certificate} with a nonce, so that no cached answer serves it. */
  private byte[] ocspRequestWithNonce(CertificateView certificate) throws Exception {
    CertificateID id =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder()
                .setProvider(TestKeys.BC)
                .build()
                .get(CertificateID.HASH_SHA1),
            caCertificate(certificate.issuerCaName()),
            new BigInteger(certificate.serialNumberHex(), 16));
    Extension nonce =
        new Extension(
            OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
            false,
            new DEROctetString(new DEROctetString(new byte[] {7, 7, 7, 7}).getEncoded()));
    return new OCSPReqBuilder()
        .addRequest(id)
        .setRequestExtensions(new Extensions(nonce))
        .build()
        .getEncoded();
  }

  /** The records one logger writes while it is open, at every level down to FINE. */
  private static final class LogRecords extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level level;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogRecords(Logger logger) {
      this.logger = logger;
      this.level = logger.getLevel();
      logger.setLevel(Level.FINE);
      logger.addHandler(this);
    }

    static LogRecords of(Class<?> type) {
      return new LogRecords(Logger.getLogger(type.getName()));
    }

    long count(Level at, String part) {
      return records.stream()
          .filter(r -> r.getLevel().equals(at) && r.getMessage().contains(part))
          .count();
    }

    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
      logger.setLevel(level);
    }

    @Override
    public String toString() {
      return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList().toString();
    }
  }
}
