package org.egovca.delivery.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import jakarta.xml.ws.Endpoint;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.delivery.application.DeliveryTarget;
import org.egovca.delivery.domain.ChangeType;
import org.egovca.delivery.domain.Delivery;
import org.egovca.delivery.domain.DeliveryQueue;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.delivery.domain.ServerTrustAnchors;
import org.egovca.delivery.domain.SyncMode;
import org.egovca.delivery.domain.TestAnchors;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.SyncClient;
import org.egovca.sync.SyncFaultCode;
import org.egovca.sync.SyncSignatureException;
import org.egovca.sync.testing.ScriptedReceiver;
import org.egovca.sync.testing.TestCa;
import org.egovca.sync.testing.TestMessages;
import org.egovca.sync.testing.TestTls;
import org.egovca.sync.wire.WireMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery is done only when the e-gov system's receipt is for the message and the payload the CA
 * sent, over a connection to a server the system's own anchors vouch for.
 */
class SyncDeliveryTest {

  private static final TestCa CA = TestCa.sm2("iFutureCA");
  private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  private final ScriptedReceiver receiver = new ScriptedReceiver();
  private final SyncDelivery.PayloadSigner signer =
      payload -> TestMessages.sign(payload, CA.syncSigner());
  private HttpServer server;
  private Endpoint endpoint;
  private SyncClient client;

  @BeforeEach
  void receiver() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    endpoint = Endpoint.create(receiver);
    endpoint.publish(server.createContext("/sync"));
    server.start();
    client =
        new SyncClients()
            .forSystem(
                system(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sync"),
                    true,
                    ServerTrustAnchors.none()));
  }

  @AfterEach
  void stop() {
    client.close();
    endpoint.stop();
    server.stop(0);
  }

  @Test
  void aReceiptForTheMessageAndPayloadSentIsADelivery() {
    CertificateSync message = TestMessages.issued(CA, "iFutureCA");
    assertEquals(DeliveryTarget.Outcome.ok("APPLIED"), SyncDelivery.send(client, message, signer));
    assertEquals(
        DeliveryTarget.Outcome.ok("DUPLICATE"), SyncDelivery.send(client, message, signer));
  }

  @Test
  void aReceiptThatNamesAnotherPayloadLeavesTheItemUndelivered() {
    receiver.receiptForOtherPayload = true;
    CrlSync message = TestMessages.crl(CA, "iFutureCA", 4);
    DeliveryTarget.Outcome outcome = SyncDelivery.send(client, message, signer);
    assertFalse(outcome.delivered());
    assertTrue(
        outcome.detail().startsWith("not delivered: ")
            && outcome.detail().contains("the receipt names the payload digest"),
        outcome.detail());

    // what the worker does with the outcome: the item stays pending, with the reason
    Delivery item = Delivery.ofCrl(DeliveryQueue.ofEgovSystem(1), "iFutureCA", 1, "CRL 4", NOW);
    item.failed(NOW, outcome.detail());
    assertFalse(item.isDelivered());
    assertTrue(item.getLastError().startsWith("not delivered: "), item.getLastError());
  }

  @Test
  void aReceiptForAnotherMessageIsNotADelivery() {
    receiver.receiptFor = "1f8e3a52-9d1c-4b7e-a6f0-2c5d8e1b4a93";
    DeliveryTarget.Outcome outcome =
        SyncDelivery.send(client, TestMessages.crl(CA, "iFutureCA", 5), signer);
    assertFalse(outcome.delivered());
    assertTrue(outcome.detail().contains("another message"), outcome.detail());
  }

  @Test
  void aRefusalNamesTheReceiversCode() {
    receiver.fault =
        WireMessages.fault(SyncFaultCode.WRONG_RECIPIENT, "the message is for another system");
    DeliveryTarget.Outcome outcome =
        SyncDelivery.send(client, TestMessages.crl(CA, "iFutureCA", 6), signer);
    assertFalse(outcome.delivered());
    assertTrue(
        outcome.detail().startsWith("refused by the e-gov system (WRONG_RECIPIENT)"),
        outcome.detail());
  }

  @Test
  void withoutASignatureNothingIsSent() {
    DeliveryTarget.Outcome outcome =
        SyncDelivery.send(
            client,
            TestMessages.crl(CA, "iFutureCA", 7),
            payload -> {
              throw new SyncSignatureException(
                  SyncSignatureException.Reason.MALFORMED, "CA iFutureCA has no sync signer");
            });
    assertFalse(outcome.delivered());
    assertEquals("could not sign the message: CA iFutureCA has no sync signer", outcome.detail());
    assertEquals(List.of(), receiver.crls);
  }

  /**
   * The server's trust store holds the RSA CA that issues holders' TLS server certificates; a
   * server certificate from it for the system's host must not pass for the system's.
   */
  @Test
  void anHttpsSystemIsReachedOnlyThroughItsOwnAnchors() throws Exception {
    TestTls holdersTlsCa = TestTls.ca("iFutureCA RSA");
    TestTls systemsCa = TestTls.ca("Bureau TLS CA");
    HttpsServer https = holdersTlsCa.server("127.0.0.1").https();
    ScriptedReceiver impostor = new ScriptedReceiver();
    Endpoint tlsEndpoint = Endpoint.create(impostor);
    tlsEndpoint.publish(https.createContext("/sync"));
    https.start();
    URI address = URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/sync");
    SSLContext jvmDefault = SSLContext.getDefault();
    SSLSocketFactory connectionDefault = HttpsURLConnection.getDefaultSSLSocketFactory();
    SSLContext trusting = holdersTlsCa.trustingContext();
    SSLContext.setDefault(trusting);
    HttpsURLConnection.setDefaultSSLSocketFactory(trusting.getSocketFactory());
    SyncClients clients = new SyncClients();
    try {
      SyncClient systemsOwnTrust =
          clients.forSystem(
              system(
                  address,
                  false,
                  ServerTrustAnchors.parse(TestAnchors.pem(systemsCa.certificate()))));
      DeliveryTarget.Outcome refused =
          SyncDelivery.send(systemsOwnTrust, TestMessages.crl(CA, "iFutureCA", 8), signer);
      assertFalse(refused.delivered());
      assertTrue(refused.detail().contains("certification path"), refused.detail());
      assertEquals(List.of(), impostor.crls, "nothing reached the server");

      SyncClient anchoredOnTheServersCa =
          clients.forSystem(
              system(
                  address,
                  false,
                  ServerTrustAnchors.parse(TestAnchors.pem(holdersTlsCa.certificate()))));
      assertNotNull(anchoredOnTheServersCa);
      assertTrue(
          SyncDelivery.send(anchoredOnTheServersCa, TestMessages.crl(CA, "iFutureCA", 9), signer)
              .delivered(),
          "the same server, when the system's anchors name its CA");
    } finally {
      SSLContext.setDefault(jvmDefault);
      HttpsURLConnection.setDefaultSSLSocketFactory(connectionDefault);
      clients.close();
      tlsEndpoint.stop();
      https.stop(0);
    }
  }

  private static EgovSystem system(URI endpoint, boolean plainHttp, ServerTrustAnchors anchors) {
    return new EgovSystem(
        "tax-bureau",
        new ApplicationUnit("SW-01", "Tax bureau", NOW),
        new EgovSystem.Subscription(
            endpoint, SyncMode.REALTIME, 0, EnumSet.of(ChangeType.CRL), plainHttp, anchors),
        NOW,
        "test");
  }
}
