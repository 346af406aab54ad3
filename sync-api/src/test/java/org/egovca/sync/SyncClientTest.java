package org.egovca.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
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
import org.egovca.sync.testing.TestCa;
import org.egovca.sync.testing.TestMessages;
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
    try (SyncClient client = new SyncClient(address, CONNECT, REQUEST)) {
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
    try (SyncClient client = new SyncClient(address, CONNECT, REQUEST)) {
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
    try (SyncClient client = new SyncClient(unreachable, CONNECT, REQUEST)) {
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
    try (SyncClient client = new SyncClient(address, CONNECT, Duration.ofMillis(300))) {
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
    try (SyncClient client = new SyncClient(address, CONNECT, REQUEST)) {
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
    try (SyncClient client = new SyncClient(address, CONNECT, REQUEST)) {
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
  void onlyHttpEndpointsAndPositiveTimeouts() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SyncClient(URI.create("file:///tmp/x"), CONNECT, REQUEST));
    assertThrows(
        IllegalArgumentException.class, () -> new SyncClient(address, Duration.ZERO, REQUEST));
  }
}
