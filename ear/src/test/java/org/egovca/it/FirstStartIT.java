package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.Security;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automation may rely on {@code ear/bin/egovca start}: when it returns on a first start, and {@code
 * /pki/health} answers 200, the HTTPS listener already serves the CA-issued certificate and accepts
 * the RA system's client certificate. A first start is only seen right after it, and any test of
 * the shared server may have restarted it, so this runs on a CA of its own (its own instance
 * directory, ports and embedded database), first-started by the test itself: the suite's classes
 * may run in any order.
 */
class FirstStartIT {

  /** Ports of its own: above the shared server's, the failed-start probe's and the rollover's. */
  private static final int PORT_OFFSET = 700;

  @TempDir Path directory;

  @Test
  void aRemoteRaIsServedAtOnceWhenTheFirstStartReturns() throws Exception {
    Security.addProvider(new BouncyCastleProvider());
    int portBase = Integer.getInteger("egovca.it.portBase", 20000) + PORT_OFFSET;
    EarLauncher launcher =
        new EarLauncher(
            Path.of(System.getProperty("egovca.it.home", "target/it") + "-first-start"),
            portBase,
            portBase + 389,
            Map.of());
    try {
      servedAtOnce(launcher.start());
    } finally {
      launcher.stop();
    }
  }

  /** Nothing waits between the start's return and these calls. */
  private void servedAtOnce(CaServer server) throws Exception {
    RaSoapClient.Answer answer =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
            .issueCertificate(
                "personal-sign",
                "CN=First Start,O=测试单位,C=CN",
                TestRequests.sm2(directory, "first"));
    assertTrue(answer.issued(), answer.faultCode() + ": " + answer.faultString());

    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(health.body().contains("\"https\":\"SERVING\""), health.body());
  }
}
