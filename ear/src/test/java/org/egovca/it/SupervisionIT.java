package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ear/bin/egovca serve} (what {@code run} does after building) watches the server: when the
 * Payara process dies it says so and brings the CA back; Ctrl-C (SIGTERM) stops the server and the
 * database. No half-alive server.
 */
@ExtendWith(DeployedEar.class)
@Order(Order.DEFAULT + 3)
class SupervisionIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aServerThatDiesIsReportedAndStartedAgain(CaServer server, EarLauncher launcher)
      throws Exception {
    launcher.stop();
    Path log = server.home().resolve("egovca-serve.log");
    Files.deleteIfExists(log);
    Process serve = launcher.serve(log);
    try {
      awaitLog(log, serve, "e-Gov CA is ready.", Duration.ofMinutes(5));
      assertEquals(200, health(server));
      long first = server.serverPid();

      ProcessHandle.of(first).orElseThrow().destroyForcibly();

      awaitLog(log, serve, "the server (pid " + first + ") has died", Duration.ofSeconds(30));
      awaitLog(log, serve, "the server is back", Duration.ofMinutes(5));
      assertEquals(200, health(server));
      assertNotEquals(first, server.serverPid(), "a new server process");
      RaSoapClient.Answer answer =
          new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
              .issueCertificate(
                  "personal-sign",
                  "CN=Supervised " + System.nanoTime() + ",C=CN",
                  TestRequests.sm2(Files.createTempDirectory("supervision"), "s"));
      assertTrue(answer.issued(), answer.faultCode() + ": " + answer.faultString());

      long databasePid = server.databasePid();
      long payaraPid = server.serverPid();
      serve.destroy(); // SIGTERM, as Ctrl-C
      assertTrue(serve.waitFor(2, TimeUnit.MINUTES), "serve did not end");
      assertEquals(0, serve.exitValue(), read(log));
      assertTrue(read(log).contains("[egovca] stopped"), read(log));
      assertEnds(payaraPid, "Payara");
      assertEnds(databasePid, "PostgreSQL");
    } finally {
      if (serve.isAlive()) {
        serve.destroy();
        serve.waitFor(2, TimeUnit.MINUTES);
      }
      // the other tests of this run go on with the server started as before
      launcher.restart();
    }
  }

  /**
   * The process ends within 30 s: gone, or a zombie that its parent (here the machine's init, which
   * reaps late) has not collected yet.
   */
  private static void assertEnds(long pid, String name) throws Exception {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (Files.readString(status).contains("\nState:\tZ")) {
          return;
        }
      } catch (IOException gone) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(name + " (pid " + pid + ") still runs after serve stopped");
  }

  private int health(CaServer server) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/health")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void awaitLog(Path log, Process serve, String text, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (read(log).contains(text)) {
        return;
      }
      if (!serve.isAlive()) {
        throw new AssertionError("serve ended (" + serve.exitValue() + "):\n" + read(log));
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no '" + text + "' in the output of serve:\n" + read(log));
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
