package org.egovca.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import jakarta.xml.ws.Endpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.egovca.sync.testing.ScriptedReceiver;
import org.egovca.sync.testing.TestCa;
import org.egovca.sync.testing.TestMessages;
import org.egovca.sync.testing.TestTls;
import org.egovca.sync.wire.WireMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncClientTest {

  private static final TestCa CA = TestCa.sm2("iFutureCA");
  private static final Duration CONNECT = Duration.ofSeconds(2);
  private static final Duration REQUEST = Duration.ofSeconds(5);

  private final ScriptedReceiver receiver = new ScriptedReceiver();
  private HttpServer server;
  private Endpoint endpoint;
  private URI address;

  @BeforeEach
  void publish() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    endpoint = Endpoint.create(receiver);
    endpoint.publish(server.createContext("/sync-receiver/CertificateSyncService"));
    server.start();
    address =
        URI.create(
            "http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/sync-receiver/CertificateSyncService");
  }

  @AfterEach
  void stop() {
    endpoint.stop();
    server.stop(0);
  }

  @Test
  void deliversTheMessageAndReturnsTheReceiversOutcome() throws Exception {
    CertificateSync message = TestMessages.issued(CA, "iFutureCA");
    byte[] signature = TestMessages.sign(message, CA);
    try (SyncClient client = SyncClient.overPlainHttp(address, CONNECT, REQUEST)) {
      assertEquals(SyncOutcome.APPLIED, client.send(message, signature));
      assertEquals(SyncOutcome.DUPLICATE, client.send(message, signature));
      CrlSync crl = TestMessages.crl(CA, "iFutureCA", 3);
      assertEquals(SyncOutcome.APPLIED, client.send(crl, TestMessages.sign(crl, CA)));
      assertEquals(List.of(crl), receiver.crls);
    }
    assertEquals(List.of(message, message), receiver.certificates);
  }

  @Test
  void aSyncFaultKeepsItsCodeAndMessage() {
    receiver.fault = WireMessages.fault(SyncFaultCode.BAD_SIGNATURE, "a field was changed");
    CertificateSync message = TestMessages.issued(CA, "iFutureCA");
    try (SyncClient client = SyncClient.overPlainHttp(address, CONNECT, REQUEST)) {
      SyncDeliveryException e =
          assertThrows(
              SyncDeliveryException.class,
              () -> client.send(message, TestMessages.sign(message, CA)));
      assertEquals("BAD_SIGNATURE", e.faultCode());
      assertEquals(
          address
              + " rejected message "
              + message.messageId()
              + " with BAD_SIGNATURE: a field was changed",
          e.getMessage());
    }
  }

  @Test
  void anUnreachableReceiverIsATransportFailureWithoutSecrets() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI unreachable = URI.create("http://ca:s3cret@127.0.0.1:" + closedPort + "/sync?token=s3cret");
    CrlSync crl = TestMessages.crl(CA, "iFutureCA", 1);
    try (SyncClient client = SyncClient.overPlainHttp(unreachable, CONNECT, REQUEST)) {
      SyncDeliveryException e =
          assertThrows(SyncDeliveryException.class, () -> client.send(crl, new byte[] {1}));
      assertNull(e.faultCode());
      assertTrue(
          e.getMessage().contains("http://127.0.0.1:" + closedPort + "/sync"), e.getMessage());
      assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
      // operators read the cause, not Java class names
      assertTrue(e.getMessage().endsWith("Connection refused"), e.getMessage());
      assertFalse(e.getMessage().contains("java."), e.getMessage());
    }
  }

  @Test
  void aStalledReceiverTimesOut() {
    receiver.stall = Duration.ofSeconds(5);
    CrlSync crl = TestMessages.crl(CA, "iFutureCA", 1);
    try (SyncClient client = SyncClient.overPlainHttp(address, CONNECT, Duration.ofMillis(300))) {
      long start = System.nanoTime();
      SyncDeliveryException e =
          assertThrows(SyncDeliveryException.class, () -> client.send(crl, new byte[] {1}));
      assertNull(e.faultCode());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
    }
  }

  @Test
  void aReceiptForAnotherMessageIsNotADelivery() {
    receiver.receiptFor = "1f8e3a52-9d1c-4b7e-a6f0-2c5d8e1b4a93";
    CrlSync crl = TestMessages.crl(CA, "iFutureCA", 1);
    try (SyncClient client = SyncClient.overPlainHttp(address, CONNECT, REQUEST)) {
      SyncDeliveryException e =
          assertThrows(SyncDeliveryException.class, () -> client.send(crl, new byte[] {1}));
      assertNull(e.faultCode());
    }
  }

  @Test
  void oneClientServesConcurrentDeliveries() throws Exception {
    List<CrlSync> messages = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      messages.add(TestMessages.crl(CA, "iFutureCA", i));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try (SyncClient client = SyncClient.overPlainHttp(address, CONNECT, REQUEST)) {
      List<Future<SyncOutcome>> outcomes = new ArrayList<>();
      for (CrlSync message : messages) {
        outcomes.add(threads.submit(() -> client.send(message, new byte[] {1})));
      }
      for (Future<SyncOutcome> outcome : outcomes) {
        assertEquals(SyncOutcome.APPLIED, outcome.get());
      }
    } finally {
      threads.shutdown();
    }
    assertEquals(200, receiver.crls.size());
  }

  @Test
  void aReceiptThatNamesAnotherPayloadIsNotADelivery() {
    receiver.receiptForOtherPayload = true;
    CertificateSync message = TestMessages.issued(CA, "iFutureCA");
    try (SyncClient client = SyncClient.overPlainHttp(address, CONNECT, REQUEST)) {
      SyncDeliveryException e =
          assertThrows(
              SyncDeliveryException.class,
              () -> client.send(message, TestMessages.sign(message, CA)));
      assertNull(e.faultCode());
      assertTrue(
          e.getMessage()
              .contains(
                  "not "
                      + CanonicalPayload.sha256(CanonicalPayload.of(message))
                      + " of the payload sent"),
          e.getMessage());
    }
    assertEquals(List.of(message), receiver.certificates, "the receiver got it, the CA retries");
  }

  @Test
  void overHttpsTheReceiverIsTrustedOnlyThroughTheConfiguredAnchors() throws Exception {
    TestTls receiversCa = TestTls.ca("Receiver's TLS CA");
    HttpsServer https = receiversCa.server("127.0.0.1").https();
    Endpoint tlsEndpoint = Endpoint.create(new ScriptedReceiver());
    tlsEndpoint.publish(https.createContext("/sync"));
    https.start();
    URI secure = URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/sync");
    CrlSync crl = TestMessages.crl(CA, "iFutureCA", 5);
    try (SyncClient trusting =
        SyncClient.overHttps(secure, List.of(receiversCa.certificate()), CONNECT, REQUEST)) {
      assertEquals(SyncOutcome.APPLIED, trusting.send(crl, new byte[] {1}));
    } finally {
      tlsEndpoint.stop();
      https.stop(0);
    }
  }

  /**
   * The JVM trusts the RSA CA that issues TLS server certificates to holders (the CA's own HTTPS
   * listener needs it); a holder's server certificate from it must not pass for the e-gov system's,
   * whose anchor is another CA.
   */
  @Test
  void aServerCertificateFromACaTheJvmTrustsButTheSystemDoesNotIsRefused() throws Exception {
    TestTls holdersTlsCa = TestTls.ca("iFutureCA RSA");
    TestTls systemsCa = TestTls.ca("Receiver's TLS CA");
    HttpsServer intercepting = holdersTlsCa.server("127.0.0.1").https();
    ScriptedReceiver interceptor = new ScriptedReceiver();
    Endpoint tlsEndpoint = Endpoint.create(interceptor);
    tlsEndpoint.publish(intercepting.createContext("/sync"));
    intercepting.start();
    URI secure = URI.create("https://127.0.0.1:" + intercepting.getAddress().getPort() + "/sync");
    SSLContext jvmDefault = SSLContext.getDefault();
    SSLSocketFactory connectionDefault = HttpsURLConnection.getDefaultSSLSocketFactory();
    SSLContext trustsHoldersCa = holdersTlsCa.trustingContext();
    SSLContext.setDefault(trustsHoldersCa);
    HttpsURLConnection.setDefaultSSLSocketFactory(trustsHoldersCa.getSocketFactory());
    CrlSync crl = TestMessages.crl(CA, "iFutureCA", 6);
    try (SyncClient client =
        SyncClient.overHttps(secure, List.of(systemsCa.certificate()), CONNECT, REQUEST)) {
      SyncDeliveryException e =
          assertThrows(SyncDeliveryException.class, () -> client.send(crl, new byte[] {1}));
      assertNull(e.faultCode());
      assertTrue(e.getMessage().contains("certification path"), e.getMessage());
      assertEquals(List.of(), interceptor.crls, "nothing reached the impostor");
    } finally {
      SSLContext.setDefault(jvmDefault);
      HttpsURLConnection.setDefaultSSLSocketFactory(connectionDefault);
      tlsEndpoint.stop();
      intercepting.stop(0);
    }
  }

  @Test
  void aServerCertificateForAnotherHostIsRefused() throws Exception {
    TestTls receiversCa = TestTls.ca("Receiver's TLS CA");
    HttpsServer https = receiversCa.server("other-system.example.cn").https();
    Endpoint tlsEndpoint = Endpoint.create(new ScriptedReceiver());
    tlsEndpoint.publish(https.createContext("/sync"));
    https.start();
    URI secure = URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/sync");
    CrlSync crl = TestMessages.crl(CA, "iFutureCA", 5);
    try (SyncClient client =
        SyncClient.overHttps(secure, List.of(receiversCa.certificate()), CONNECT, REQUEST)) {
      SyncDeliveryException e =
          assertThrows(SyncDeliveryException.class, () -> client.send(crl, new byte[] {1}));
      assertNull(e.faultCode());
    } finally {
      tlsEndpoint.stop();
      https.stop(0);
    }
  }

  @Test
  void theServerCertificateItselfCanBeTheAnchor() throws Exception {
    TestTls holdersTlsCa = TestTls.ca("iFutureCA RSA");
    TestTls.Server server = holdersTlsCa.server("127.0.0.1");
    TestTls.Server otherServer = holdersTlsCa.server("127.0.0.1");
    Endpoint tlsEndpoint = Endpoint.create(new ScriptedReceiver());
    tlsEndpoint.publish(server.https().createContext("/sync"));
    server.https().start();
    URI secure = URI.create("https://127.0.0.1:" + server.https().getAddress().getPort() + "/sync");
    CrlSync crl = TestMessages.crl(CA, "iFutureCA", 5);
    try (SyncClient pinned =
            SyncClient.overHttps(secure, List.of(server.certificate()), CONNECT, REQUEST);
        SyncClient pinnedToAnother =
            SyncClient.overHttps(secure, List.of(otherServer.certificate()), CONNECT, REQUEST)) {
      assertEquals(SyncOutcome.APPLIED, pinned.send(crl, new byte[] {1}));
      assertThrows(SyncDeliveryException.class, () -> pinnedToAnother.send(crl, new byte[] {1}));
    } finally {
      tlsEndpoint.stop();
      server.https().stop(0);
    }
  }

  @Test
  void httpsNeedsAnchorsAndPlainHttpIsAskedForByName() {
    URI secure = URI.create("https://egov.example.cn/sync");
    assertThrows(
        IllegalArgumentException.class,
        () -> SyncClient.overHttps(secure, List.of(), CONNECT, REQUEST));
    assertThrows(
        IllegalArgumentException.class,
        () -> SyncClient.overPlainHttp(secure, CONNECT, REQUEST),
        "an https address is never used without TLS");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SyncClient.overHttps(
                address, List.of(TestTls.ca("x").certificate()), CONNECT, REQUEST));
    assertThrows(
        IllegalArgumentException.class,
        () -> SyncClient.overPlainHttp(URI.create("file:///tmp/x"), CONNECT, REQUEST));
    assertThrows(
        IllegalArgumentException.class,
        () -> SyncClient.overPlainHttp(address, Duration.ZERO, REQUEST));
  }
}
