package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process dies in the middle of a batch issuance (kill -9, as the JVM ends on an {@code
 * OutOfMemoryError}): the database runs in a process of its own and is unharmed, the batch is all
 * or nothing, and the CA starts again and issues.
 */
@ExtendWith(DeployedEar.class)
@Order(Order.DEFAULT + 2)
class CrashRecoveryIT {

  private static final int BATCH = 1000;

  @TempDir Path directory;

  @Test
  void aServerKilledInTheMiddleOfABatchLeavesTheDatabaseWholeAndStartsAgain(
      CaServer server, EarLauncher launcher) throws Exception {
    String batch = "Crash " + UUID.randomUUID().toString().substring(0, 8);
    String csr = TestRequests.sm2(directory, "crash");
    List<RaSoapClient.Request> requests = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      requests.add(
          new RaSoapClient.Request("personal-sign", "CN=" + batch + " " + i + ",C=CN", csr));
    }
    long databasePid = server.databasePid();
    RaSoapClient client = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    CompletableFuture<RaSoapClient.Batch> answer =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return client.issueCertificates(requests);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    awaitOpenTransaction(server, answer);
    ProcessHandle payara = ProcessHandle.of(server.serverPid()).orElseThrow();
    assertTrue(payara.destroyForcibly(), "kill -9");
    payara.onExit().get(30, TimeUnit.SECONDS);
    assertThrows(ExecutionException.class, () -> answer.get(60, TimeUnit.SECONDS), "no answer");

    assertEquals(databasePid, server.databasePid(), "the database server kept running");
    launcher.startAgain();

    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode(), health.body());
    long written = new Records(server).certificatesWhoseSubjectContains(batch);
    assertTrue(written == 0 || written == BATCH, written + " of " + BATCH + " written");

    RaSoapClient.Answer after =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
            .issueCertificate(
                "personal-sign",
                "CN=" + batch + " after,C=CN",
                TestRequests.sm2(directory, "after"));
    assertTrue(after.issued(), after.faultCode() + ": " + after.faultString());
  }

  /**
   * Waits until the batch holds a database transaction open (a backend of the CA's role in a
   * transaction for more than a second): the server is in the middle of it.
   */
  private static void awaitOpenTransaction(
      CaServer server, CompletableFuture<RaSoapClient.Batch> answer) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    try (Connection superuser = server.databaseAsSuperuser();
        PreparedStatement open =
            superuser.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE usename = ? AND state <> 'idle'"
                    + " AND xact_start < now() - interval '1 second'")) {
      open.setString(1, server.jdbcUser());
      while (System.nanoTime() < deadline) {
        assertFalse(answer.isDone(), "the batch ended before the server could be killed");
        try (ResultSet result = open.executeQuery()) {
          result.next();
          if (result.getLong(1) > 0) {
            return;
          }
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the batch never held a transaction open");
  }
}
