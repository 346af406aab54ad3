package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automation may rely on {@code ear/bin/egovca start}: when it returns on a first start, and {@code
 * /pki/health} answers 200, the HTTPS listener already serves the CA-issued certificate and accepts
 * the RA system's client certificate. Runs first, right after the run's first start.
 */
@ExtendWith(DeployedEar.class)
@Order(Integer.MIN_VALUE)
class FirstStartIT {

  @TempDir Path directory;

  @Test
  void anRaClientIsServedAtOnceWhenTheFirstStartReturns(CaServer server) throws Exception {
    Path startLog = server.home().resolve("egovca-start.log");
    assertFalse(Files.exists(server.home().resolve("egovca-restart.log")), "not a first start");
    assertTrue(
        Duration.between(Files.getLastModifiedTime(startLog).toInstant(), Instant.now())
                .compareTo(Duration.ofMinutes(1))
            < 0,
        "this test must run right after the first start");

    RaSoapClient.Answer answer =
        new RaSoapClient(Tls.raClient(server), server.httpsBase())
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
