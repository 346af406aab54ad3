package org.egovca.sync.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.egovca.sync.BusinessType;
import org.egovca.sync.CanonicalPayload;
import org.egovca.sync.CertificateStatus;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.SyncOutcome;
import org.egovca.sync.SyncSignatureVerifier;
import org.egovca.sync.testing.TestCa;
import org.egovca.sync.testing.TestMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageStoreTest {

  private static final TestCa CA = TestCa.sm2("iFutureCA");

  @TempDir Path directory;

  private static SyncOutcome store(MessageStore store, CertificateSync message) throws Exception {
    return store.store(message, CanonicalPayload.of(message), TestMessages.sign(message, CA));
  }

  @Test
  void aMessageIsAppliedOnceAndThenDuplicate() throws Exception {
    MessageStore store = MessageStore.open(directory);
    CertificateSync message = TestMessages.issued(CA, "iFutureCA");
    assertEquals(SyncOutcome.APPLIED, store(store, message));
    assertEquals(SyncOutcome.DUPLICATE, store(store, message));
    assertEquals(1, store.messages().size());
    assertEquals(List.of(message.messageId() + ".sync"), fileNames());
  }

  @Test
  void concurrentDeliveriesOfOneMessageApplyItOnce() throws Exception {
    MessageStore store = MessageStore.open(directory);
    CertificateSync message = TestMessages.issued(CA, "iFutureCA");
    byte[] payload = CanonicalPayload.of(message);
    byte[] signature = TestMessages.sign(message, CA);
    int threads = 16;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<SyncOutcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<SyncOutcome> delivery =
            () -> {
              start.await();
              return store.store(message, payload, signature);
            };
        outcomes.add(pool.submit(delivery));
      }
      start.countDown();
      int applied = 0;
      for (Future<SyncOutcome> outcome : outcomes) {
        applied += outcome.get() == SyncOutcome.APPLIED ? 1 : 0;
      }
      assertEquals(1, applied);
    } finally {
      pool.shutdown();
    }
    assertEquals(1, store.messages().size());
    assertEquals(List.of(message.messageId() + ".sync"), fileNames());
  }

  @Test
  void theStoreSurvivesARestartInArrivalOrder() throws Exception {
    MessageStore store = MessageStore.open(directory);
    CertificateSync first = TestMessages.issued(CA, "iFutureCA");
    CrlSync second = TestMessages.crl(CA, "iFutureCA", 5);
    CertificateSync third = TestMessages.issued(CA, "iFutureCA");
    store(store, first);
    store.store(second, CanonicalPayload.of(second), TestMessages.sign(second, CA));
    store(store, third);
    Files.writeString(directory.resolve("messages/.leftover.tmp"), "half a message");

    MessageStore reopened = MessageStore.open(directory);
    assertEquals(store.messages(), reopened.messages());
    assertEquals(
        List.of(first.messageId(), second.messageId(), third.messageId()),
        reopened.messages().stream().map(StoredMessage::messageId).toList());
    assertEquals(SyncOutcome.DUPLICATE, store(reopened, first));
    CertificateSync fourth = TestMessages.issued(CA, "iFutureCA");
    store(reopened, fourth);
    assertEquals(4, reopened.messages().get(3).arrival());
    assertEquals(4, fileNames().size());
  }

  @Test
  void theStoredPayloadVerifiesAgain() throws Exception {
    MessageStore store = MessageStore.open(directory);
    CertificateSync message = TestMessages.issued(CA, "iFutureCA");
    store(store, message);
    List<String> lines =
        Files.readAllLines(directory.resolve("messages/" + message.messageId() + ".sync"), UTF_8);
    String payload = String.join("\n", lines.subList(2, lines.size() - 1)) + "\n";
    assertArrayEquals(CanonicalPayload.of(message), payload.getBytes(UTF_8));
    byte[] signature =
        Base64.getDecoder().decode(lines.get(lines.size() - 1).substring("signature=".length()));
    new SyncSignatureVerifier(Map.of("iFutureCA", List.of(CA.certificate())))
        .verify("iFutureCA", payload.getBytes(UTF_8), signature);
  }

  @Test
  void aLateGoodNeverHidesARevocation() throws Exception {
    MessageStore store = MessageStore.open(directory);
    CertificateSync issued = TestMessages.issued(CA, "iFutureCA");
    Instant revokedAt = issued.syncTime().plusSeconds(60);
    CertificateSync revoked =
        update(issued, BusinessType.REVOKE, CertificateStatus.REVOKED, revokedAt, revokedAt);
    CertificateSync lateGood =
        update(issued, BusinessType.RENEW, CertificateStatus.GOOD, null, revokedAt.plusSeconds(60));
    store(store, issued);
    assertEquals(
        CertificateStatus.GOOD,
        store.latestState("iFutureCA", issued.serialNumber()).orElseThrow().status());
    store(store, revoked);
    store(store, lateGood);
    assertEquals(
        revoked.messageId(),
        MessageStore.open(directory)
            .latestState("iFutureCA", issued.serialNumber())
            .orElseThrow()
            .messageId());
  }

  private static CertificateSync update(
      CertificateSync m,
      BusinessType businessType,
      CertificateStatus status,
      Instant revokedAt,
      Instant syncTime) {
    return new CertificateSync(
        UUID.randomUUID().toString(),
        m.recipient(),
        businessType,
        m.caName(),
        m.holder(),
        m.certificate(),
        m.serialNumber(),
        status,
        m.notBefore(),
        m.notAfter(),
        revokedAt,
        revokedAt == null ? null : "keyCompromise",
        syncTime);
  }

  private List<String> fileNames() throws Exception {
    try (Stream<Path> files = Files.list(directory.resolve("messages"))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
