package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A production installation ({@code EGOVCA_ACTIVATION=custodians}) on a CA instance of its own:
 * five key custodians are enrolled at its machine ({@code egovca ceremony enrol}), after which no
 * activation material is on disk; restarted, the CA cannot sign (a typed SOAP refusal, OCSP
 * tryLater, health OFFLINE) until three custodians activate its token ({@code egovca ceremony
 * activate}); two custodians, a wrong PIN or the same custodian twice fail, and every attempt is
 * audited.
 */
class KeyCustodiansIT {

  /** Ports of its own: above the shared server's and the other instances'. */
  private static final int PORT_OFFSET = 800;

  private static final List<String> CUSTODIANS =
      List.of("kc.wang", "kc.li", "kc.zhang", "kc.liu", "kc.chen");

  @TempDir Path directory;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aRestartedProductionCaWaitsOfflineUntilThreeCustodiansActivateIt() throws Exception {
    int portBase = Integer.getInteger("egovca.it.portBase", 20000) + PORT_OFFSET;
    EarLauncher launcher =
        new EarLauncher(
            Path.of(System.getProperty("egovca.it.home", "target/it") + "-custodians"),
            portBase,
            portBase + 389,
            Map.of("EGOVCA_ACTIVATION", "custodians"));
    try {
      CaServer server = launcher.start();
      X509CertificateHolder issued = enrolThenRestart(launcher, server);
      waitsOffline(server, issued);
      failedCeremoniesAreRefusedAndAudited(launcher, server);

      Commands.Result three = launcher.ceremony("activate", present("kc.li", "kc.liu", "kc.chen"));

      assertEquals(0, three.exitCode(), three.output());
      assertTrue(three.output().contains("SUCCEEDED ceremony"), three.output());
      assertEquals(200, health(server).statusCode(), health(server).body());
      assertEquals(OCSPResp.SUCCESSFUL, RelyingParty.responseStatus(issued));
      assertEquals("good", RelyingParty.ocsp(issued).status());
      assertTrue(issue(server, "After activation").issued());
      Records records = new Records(server);
      assertEquals(
          1,
          records
              .audit("TOKEN_ACTIVATED")
              .outcome("SUCCESS")
              .actor("custodians:kc.li,kc.liu,kc.chen")
              .count());
    } finally {
      launcher.stop();
    }
  }

  /** Enrols the five custodians, issues a certificate, restarts: returns the certificate. */
  private X509CertificateHolder enrolThenRestart(EarLauncher launcher, CaServer server)
      throws Exception {
    assertFalse(Files.exists(server.dataDirectory().resolve("demo-custodians")));
    Path pendingPin = server.dataDirectory().resolve("secrets/token.pin");
    assertTrue(Files.exists(pendingPin), "before the enrolment the token's PIN waits on disk");

    Commands.Result enrolled =
        launcher.ceremony("enrol", present(CUSTODIANS.toArray(String[]::new)));

    assertEquals(0, enrolled.exitCode(), enrolled.output());
    assertFalse(Files.exists(pendingPin), "the enrolment left the token's PIN on disk");
    try (var files = Files.walk(server.home())) {
      String pins = String.join("|", CUSTODIANS.stream().map(KeyCustodiansIT::pin).toList());
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (file.toString().contains("/domains/") || file.toString().endsWith(".log")) {
          continue;
        }
        String text =
            new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String pin : pins.split("\\|")) {
          assertFalse(text.contains(pin), () -> file + " holds a custodian's PIN");
        }
      }
    }
    RaSoapClient.Answer before = issue(server, "Before restart");
    assertTrue(before.issued(), () -> "refused: " + before.faultString());
    launcher.restart();
    return new X509CertificateHolder(before.certificate());
  }

  private void waitsOffline(CaServer server, X509CertificateHolder issued) throws Exception {
    HttpResponse<String> health = health(server);
    assertEquals(503, health.statusCode(), health.body());
    assertTrue(health.body().contains("\"status\":\"OFFLINE\""), health.body());
    assertTrue(health.body().contains("\"waiting\":\"custodians\""), health.body());

    long certificates = new Records(server).certificateCount();
    RaSoapClient.Answer refused = issue(server, "While offline");
    assertFalse(refused.issued());
    assertEquals("TOKEN_OFFLINE", refused.faultCode(), refused.faultString());
    assertEquals(certificates, new Records(server).certificateCount(), "a refusal wrote a row");

    assertEquals(OCSPResp.TRY_LATER, RelyingParty.responseStatus(issued));
  }

  private void failedCeremoniesAreRefusedAndAudited(EarLauncher launcher, CaServer server)
      throws Exception {
    Commands.Result two = launcher.ceremony("activate", present("kc.wang", "kc.li"));
    assertNotEquals(0, two.exitCode());
    assertTrue(two.output().contains("only 2 key custodian(s) present"), two.output());

    Commands.Result twice = launcher.ceremony("activate", present("kc.wang", "kc.li", "kc.wang"));
    assertNotEquals(0, twice.exitCode());
    assertTrue(twice.output().contains("kc.wang is named twice"), twice.output());

    Commands.Result wrongPin =
        launcher.ceremony("activate", present("kc.wang", "kc.li") + "kc.zhang\nNot-the-PIN-42\n");
    assertNotEquals(0, wrongPin.exitCode());
    assertTrue(
        wrongPin.output().contains("wrong PIN for key custodian kc.zhang"), wrongPin.output());

    assertEquals(503, health(server).statusCode(), "a failed ceremony activated the token");
    assertEquals(3, new Records(server).audit("TOKEN_ACTIVATED").outcome("DENIED").count());
  }

  private RaSoapClient.Answer issue(CaServer server, String when) throws Exception {
    String name = when + " " + UUID.randomUUID().toString().substring(0, 8);
    return new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
        .issueCertificate(
            "personal-sign", "CN=" + name + ",C=CN", TestRequests.sm2(directory, name));
  }

  private HttpResponse<String> health(CaServer server) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/health")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** What the custodians type: each username, then the PIN of their share. */
  private static String present(String... usernames) {
    StringBuilder lines = new StringBuilder();
    for (String username : usernames) {
      lines.append(username).append('\n').append(pin(username)).append('\n');
    }
    return lines.toString();
  }

  /** Each custodian's own PIN (in a real ceremony, known to that custodian alone). */
  private static String pin(String username) {
    return "Pin-" + username + "-7a";
  }
}
