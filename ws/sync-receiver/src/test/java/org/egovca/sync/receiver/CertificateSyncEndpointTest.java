package org.egovca.sync.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import jakarta.xml.ws.Endpoint;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.egovca.sync.CanonicalPayload;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.HolderInfo;
import org.egovca.sync.Recipient;
import org.egovca.sync.SyncClient;
import org.egovca.sync.SyncDeliveryException;
import org.egovca.sync.SyncFaultCode;
import org.egovca.sync.SyncOutcome;
import org.egovca.sync.testing.TestCa;
import org.egovca.sync.testing.TestMessages;
import org.egovca.sync.wire.WireMessages;
import org.egovca.sync.ws.SyncCrl;
import org.egovca.sync.ws.SyncCrlResponse;
import org.egovca.sync.ws.SyncFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The receiver behind a real SOAP endpoint, called by the CA's client. */
class CertificateSyncEndpointTest {

  private static final TestCa SM2_CA = TestCa.sm2("iFutureCA");
  private static final TestCa RSA_CA = TestCa.rsa("iFutureCA RSA");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path trust;
  @TempDir Path store;

  private SyncReceiver receiver;
  private HttpServer server;
  private Endpoint endpoint;
  private SyncClient client;

  @BeforeEach
  void deploy() throws Exception {
    TrustFiles.install(trust, "iFutureCA", SM2_CA);
    TrustFiles.install(trust, "iFutureCA-RSA", RSA_CA);
    receiver = SyncReceiver.open(new ReceiverSettings(trust, store, TestMessages.RECIPIENT));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    endpoint = Endpoint.create(new CertificateSyncEndpoint(() -> receiver));
    endpoint.publish(server.createContext("/sync-receiver/CertificateSyncService"));
    server.start();
    client =
        SyncClient.overPlainHttp(
            URI.create(
                "http://127.0.0.1:"
                    + server.getAddress().getPort()
                    + "/sync-receiver/CertificateSyncService"),
            TIMEOUT,
            TIMEOUT);
  }

  @AfterEach
  void undeploy() {
    client.close();
    endpoint.stop();
    server.stop(0);
  }

  @Test
  void aSignedSm2CertificateIsAppliedOnceThenDuplicate() throws Exception {
    CertificateSync message = TestMessages.issued(SM2_CA, "iFutureCA");
    byte[] signature = TestMessages.sign(message, SM2_CA);
    assertEquals(SyncOutcome.APPLIED, client.send(message, signature));
    assertEquals(SyncOutcome.DUPLICATE, client.send(message, signature));
    assertEquals(
        List.of(message.messageId()),
        receiver.store().messages().stream().map(StoredMessage::messageId).toList());
  }

  @Test
  void signedCrlsOfSm2AndRsaCasAreApplied() throws Exception {
    CrlSync sm2 = TestMessages.crl(SM2_CA, "iFutureCA", 8);
    CrlSync rsa = TestMessages.crl(RSA_CA, "iFutureCA-RSA", 3);
    assertEquals(SyncOutcome.APPLIED, client.send(sm2, TestMessages.sign(sm2, SM2_CA)));
    assertEquals(SyncOutcome.APPLIED, client.send(rsa, TestMessages.sign(rsa, RSA_CA)));
    assertEquals(2, receiver.store().messages().size());
  }

  @Test
  void aChangedFieldIsABadSignature() {
    CertificateSync signed = TestMessages.issued(SM2_CA, "iFutureCA");
    byte[] signature = TestMessages.sign(signed, SM2_CA);
    HolderInfo holder = signed.holder();
    CertificateSync changed =
        withHolder(
            signed,
            new HolderInfo(
                holder.subjectDn(),
                "李四",
                holder.organisation(),
                holder.identifierType(),
                holder.identifierValue()));
    assertRejected(SyncFaultCode.BAD_SIGNATURE, () -> client.send(changed, signature));
    assertEquals(List.of(), receiver.store().messages());
    Rejection rejection = receiver.rejections().rejections().get(0);
    assertEquals(SyncFaultCode.BAD_SIGNATURE, rejection.code());
    assertEquals(signed.messageId(), rejection.messageId());
  }

  @Test
  void anImpostorWithTheCasNameIsNotTheCa() {
    TestCa impostor = SM2_CA.impostor();
    CertificateSync message = TestMessages.issued(impostor, "iFutureCA");
    assertRejected(
        SyncFaultCode.NOT_SIGNED_BY_CA,
        () -> client.send(message, TestMessages.sign(message, impostor)));
  }

  @Test
  void aMessageTheCaMadeForAnotherSystemIsRefusedAsWrongRecipient() {
    CertificateSync otherSystem =
        TestMessages.issued(SM2_CA, "iFutureCA", new Recipient("sync-b", "SYNC-B"));
    assertRejected(
        SyncFaultCode.WRONG_RECIPIENT,
        () -> client.send(otherSystem, TestMessages.sign(otherSystem, SM2_CA)));
    CrlSync otherUnit =
        TestMessages.crl(
            SM2_CA, "iFutureCA", 4, new Recipient(TestMessages.RECIPIENT.system(), "SYNC-B"));
    assertRejected(
        SyncFaultCode.WRONG_RECIPIENT,
        () -> client.send(otherUnit, TestMessages.sign(otherUnit, SM2_CA)));
    assertEquals(List.of(), receiver.store().messages());
    assertEquals(
        "the message is for e-gov system sync-b (unit SYNC-B), this receiver serves sync-a"
            + " (unit SYNC-A)",
        receiver.rejections().rejections().get(0).message());
  }

  @Test
  void aMessageSignedWithTheCasCertificateSigningKeyIsRefused() {
    CertificateSync message = TestMessages.issued(SM2_CA, "iFutureCA");
    byte[] byCaKey = TestMessages.sign(CanonicalPayload.of(message), SM2_CA.caKeySigner());
    assertRejected(SyncFaultCode.SIGNED_BY_CA_KEY, () -> client.send(message, byCaKey));
    assertEquals(List.of(), receiver.store().messages());
  }

  @Test
  void aMessageSignedWithAHoldersCertificateOfTheCaIsRefused() {
    Instant now = Instant.now();
    TestCa.Signer holder =
        SM2_CA.endEntitySigner(
            "CN=李四,O=某市人民政府,C=CN", now.minusSeconds(60), now.plus(Duration.ofDays(365)), false);
    CrlSync message = TestMessages.crl(SM2_CA, "iFutureCA", 3);
    assertRejected(
        SyncFaultCode.NOT_A_SYNC_SIGNER,
        () -> client.send(message, TestMessages.sign(CanonicalPayload.of(message), holder)));
    assertEquals(List.of(), receiver.store().messages());
  }

  @Test
  void theReceiptNamesTheMessageAndTheDigestOfTheVerifiedPayload() throws Exception {
    CrlSync message = TestMessages.crl(RSA_CA, "iFutureCA-RSA", 11);
    SyncCrlResponse response =
        new CertificateSyncEndpoint(() -> receiver)
            .syncCrl(WireMessages.request(message, TestMessages.sign(message, RSA_CA)));
    assertEquals(message.messageId(), response.getReceipt().getMessageId());
    assertEquals(
        CanonicalPayload.sha256(CanonicalPayload.of(message)),
        response.getReceipt().getPayloadSha256());
  }

  @Test
  void anUnknownCaIsRejected() {
    TestCa other = TestCa.sm2("Other CA");
    CrlSync message = TestMessages.crl(other, "OtherCA", 1);
    assertRejected(
        SyncFaultCode.UNKNOWN_CA, () -> client.send(message, TestMessages.sign(message, other)));
  }

  @Test
  void aCertificateOfAnotherCaIsRejectedEvenWhenTheCaSigns() {
    CertificateSync message = TestMessages.issued(RSA_CA, "iFutureCA");
    assertRejected(
        SyncFaultCode.NOT_ISSUED_BY_CA,
        () -> client.send(message, TestMessages.sign(message, SM2_CA)));
  }

  @Test
  void aCrlNumberThatDisagreesWithTheCrlIsRejected() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant next = now.plus(Duration.ofDays(1));
    CrlSync message =
        new CrlSync(
            UUID.randomUUID().toString(),
            TestMessages.RECIPIENT,
            "iFutureCA",
            SM2_CA.crl(BigInteger.valueOf(5), now, next, BigInteger.TWO),
            "6",
            now,
            next,
            now);
    assertRejected(
        SyncFaultCode.FIELD_MISMATCH,
        () -> client.send(message, TestMessages.sign(message, SM2_CA)));
  }

  @Test
  void aRequestWithAMissingFieldIsMalformed() {
    CrlSync message = TestMessages.crl(SM2_CA, "iFutureCA", 2);
    SyncCrl request = WireMessages.request(message, TestMessages.sign(message, SM2_CA));
    request.setNextUpdate(null);
    SyncFault fault =
        assertThrows(
            SyncFault.class, () -> new CertificateSyncEndpoint(() -> receiver).syncCrl(request));
    assertEquals("MALFORMED", fault.getFaultInfo().getCode());
    assertEquals("nextUpdate is missing", fault.getFaultInfo().getMessage());
  }

  private static void assertRejected(SyncFaultCode code, Executable delivery) {
    SyncDeliveryException e = assertThrows(SyncDeliveryException.class, delivery);
    assertEquals(code.name(), e.faultCode(), e.getMessage());
  }

  private static CertificateSync withHolder(CertificateSync m, HolderInfo holder) {
    return new CertificateSync(
        m.messageId(),
        m.recipient(),
        m.businessType(),
        m.caName(),
        holder,
        m.certificate(),
        m.serialNumber(),
        m.status(),
        m.notBefore(),
        m.notAfter(),
        m.revokedAt(),
        m.revocationReason(),
        m.syncTime());
  }
}
