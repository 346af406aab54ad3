package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.egovca.hsm.SoftwareCryptoToken;
import org.egovca.hsm.TokenAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A production installation ({@code EGOVCA_ACTIVATION=custodians}) on a CA instance of its own, its
 * RSA keys in a PKCS#11 module (a SoftHSM2 token made for the test): five key custodians are
 * enrolled at its machine ({@code egovca ceremony enrol}), after which no activation material is on
 * disk; restarted, the CA cannot sign (a typed SOAP refusal, OCSP tryLater, health OFFLINE for both
 * tokens) until three custodians activate its tokens ({@code egovca ceremony activate}); two
 * custodians, a wrong PIN or the same custodian twice fail, and every attempt is audited. Then the
 * RSA CA, whose key is in the module, issues a certificate and a CRL that OpenSSL verifies.
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
    Path home = Path.of(System.getProperty("egovca.it.home", "target/it") + "-custodians");
    Map<String, String> hsm = SoftHsm.token(home.resolveSibling(home.getFileName() + "-softhsm"));
    Map<String, String> settings = new HashMap<>(hsm);
    settings.put("EGOVCA_ACTIVATION", "custodians");
    EarLauncher launcher = new EarLauncher(home, portBase, portBase + 389, settings);
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
      rsaCaKeyInTheModuleSigns(server);
      rsaCaKeyIsBackedUpByThreeCustodians(launcher, server);
      theRootRevokesTheIssuingCaInACeremony(launcher, server);
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
    char[] pinBefore = Files.readString(pendingPin).strip().toCharArray();

    Commands.Result enrolled =
        launcher.ceremony("enrol", present(CUSTODIANS.toArray(String[]::new)));

    assertEquals(0, enrolled.exitCode(), enrolled.output());
    assertFalse(Files.exists(pendingPin), "the enrolment left the token's PIN on disk");
    // the custodians hold a new PIN: whoever read the file before cannot open the token's keys
    SoftwareCryptoToken tokenFiles =
        SoftwareCryptoToken.open("ca", server.dataDirectory().resolve("token"));
    assertThrows(TokenAuthenticationException.class, () -> tokenFiles.activate(pinBefore));
    try (var files = Files.walk(server.home())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        // the instance's files and logs, and of the Payara domain its server log
        if (file.toString().contains("/domains/") && !file.endsWith("server.log")) {
          continue;
        }
        String text =
            new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String custodian : CUSTODIANS) {
          assertFalse(text.contains(pin(custodian)), () -> file + " holds a custodian's PIN");
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
    assertTrue(health.body().contains("\"name\":\"hsm\""), health.body());
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
    // on the machine's loopback, but without the ceremony key of the data directory (another
    // local user), or with it from a browser page: refused before any PIN is looked at
    String key = Files.readString(server.dataDirectory().resolve("secrets/ceremony.key")).strip();
    assertEquals(403, ceremonyPost(server, Map.of()).statusCode());
    assertEquals(
        403,
        ceremonyPost(
                server, Map.of("X-Egovca-Ceremony-Key", key, "Origin", "http://attacker.example"))
            .statusCode());

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

  /**
   * The RSA CA's key is not on the software token; from the module it signs what OpenSSL checks.
   */
  private void rsaCaKeyInTheModuleSigns(CaServer server) throws Exception {
    try (var files = Files.list(server.dataDirectory().resolve("token"))) {
      List<String> rsaKeyFiles =
          files.map(f -> f.getFileName().toString()).filter(f -> f.contains("RSA")).toList();
      assertEquals(List.of(), rsaKeyFiles, "the RSA CA's key is on the software token");
    }
    String name = "HSM RSA " + UUID.randomUUID().toString().substring(0, 8);
    RaSoapClient.Answer answer =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
            .issueCertificate(
                "personal-sign", "CN=" + name + ",C=CN", TestRequests.rsa(directory, "hsm", 2048));
    assertTrue(answer.issued(), () -> "refused: " + answer.faultString());
    Files.writeString(directory.resolve("holder.pem"), OpenSslSm2.pem(answer.certificate()));
    Files.copy(server.dataDirectory().resolve("tls-ca.pem"), directory.resolve("rsa-ca.pem"));
    assertTrue(
        Commands.ok(
                directory,
                "openssl",
                "verify",
                "-partial_chain",
                "-CAfile",
                "rsa-ca.pem",
                "holder.pem")
            .contains("holder.pem: OK"));
    Files.write(
        directory.resolve("rsa-ca.crl"),
        http.send(
                HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/crl/iFutureCA-RSA.crl"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .body());
    assertTrue(
        Commands.ok(
                directory,
                "openssl",
                "crl",
                "-inform",
                "DER",
                "-in",
                "rsa-ca.crl",
                "-CAfile",
                "rsa-ca.pem",
                "-noout")
            .contains("verify OK"));
  }

  /** The RSA CA's key leaves the module only wrapped, into a backup token of the custodians. */
  private void rsaCaKeyIsBackedUpByThreeCustodians(EarLauncher launcher, CaServer server)
      throws Exception {
    String alias = caKeyAlias(server, "iFutureCA-RSA");
    Path media = directory.resolve("backup-media");
    Commands.Result twoOnly =
        launcher.ceremony("backup", present("kc.wang", "kc.li"), alias, media.toString());
    assertNotEquals(0, twoOnly.exitCode(), twoOnly.output());
    assertFalse(Files.exists(media), "a refused backup wrote a backup token");

    Commands.Result backedUp =
        launcher.ceremony(
            "backup", present("kc.wang", "kc.zhang", "kc.chen"), alias, media.toString());

    assertEquals(0, backedUp.exitCode(), backedUp.output());
    assertTrue(Files.exists(media.resolve(alias + ".pub")), "the backup token holds the key");
    assertTrue(Files.exists(media.resolve(alias + ".key")));
    Records records = new Records(server);
    assertEquals(1, records.audit("KEY_BACKED_UP").outcome("SUCCESS").count());
    assertEquals(1, records.audit("KEY_BACKED_UP").outcome("DENIED").count());
  }

  /**
   * The issuing CA's key is compromised: three custodians have the root revoke its certificate. The
   * root's ARL (read by OpenSSL), its OCSP answer and the directory agree; the CA issues nothing
   * more and says so on its health page.
   */
  private void theRootRevokesTheIssuingCaInACeremony(EarLauncher launcher, CaServer server)
      throws Exception {
    X509CertificateHolder issuingCa =
        new X509CertificateHolder(
            PkiHttpIT.parse(get(server, "/pki/ca/iFutureCA.pem")).get(0).getEncoded());
    assertEquals("good", RelyingParty.ocsp(issuingCa).status());
    assertTrue(directoryHoldsCaCertificate(server, "iFutureCA"));

    Commands.Result revoked =
        launcher.ceremony(
            "revoke-ca", present("kc.wang", "kc.li", "kc.zhang"), "iFutureCA", "CA_COMPROMISE");

    assertEquals(0, revoked.exitCode(), revoked.output());
    Files.write(directory.resolve("root.crl"), get(server, "/pki/crl/iFutureCA-Root.crl"));
    String arl =
        Commands.ok(
            directory, "openssl", "crl", "-inform", "DER", "-in", "root.crl", "-noout", "-text");
    String serial = issuingCa.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    assertTrue(
        arl.contains("Serial Number: " + (serial.length() % 2 == 0 ? serial : "0" + serial)), arl);
    assertTrue(arl.contains("CA Compromise"), arl);
    assertEquals("revoked (cACompromise)", RelyingParty.ocsp(issuingCa).status());
    RaSoapClient.Answer refused = issue(server, "After the CA's revocation");
    assertFalse(refused.issued());
    assertTrue(
        String.valueOf(refused.faultCode()).contains("CA_REVOKED")
            || String.valueOf(refused.faultString()).contains("CA_REVOKED"),
        refused.faultCode() + " " + refused.faultString());
    HttpResponse<String> health = health(server);
    assertEquals(503, health.statusCode(), health.body());
    assertTrue(health.body().contains("\"REVOKED\""), health.body());
    for (int i = 0; i < 60 && directoryHoldsCaCertificate(server, "iFutureCA"); i++) {
      Thread.sleep(1000);
    }
    assertFalse(
        directoryHoldsCaCertificate(server, "iFutureCA"),
        "the revoked CA's certificate is still in the directory");
  }

  private boolean directoryHoldsCaCertificate(CaServer server, String caName) throws Exception {
    String entry =
        Commands.ok(
            directory,
            "ldapsearch",
            "-x",
            "-LLL",
            "-o",
            "ldif-wrap=no",
            "-H",
            "ldap://127.0.0.1:" + server.ldapPort(),
            "-b",
            "o=iFutureCA,c=CN",
            "(cn=" + caName + ")",
            "cACertificate;binary");
    return entry.contains("cACertificate;binary::");
  }

  private static String caKeyAlias(CaServer server, String caName) throws Exception {
    try (var connection = server.database();
        var query =
            connection.prepareStatement(
                "SELECT key_alias FROM certificate_authority WHERE name = ?")) {
      query.setString(1, caName);
      try (var rows = query.executeQuery()) {
        assertTrue(rows.next(), "no CA " + caName);
        return rows.getString(1);
      }
    }
  }

  private byte[] get(CaServer server, String path) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.httpBase() + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), path);
    return response.body();
  }

  private RaSoapClient.Answer issue(CaServer server, String when) throws Exception {
    String name = when + " " + UUID.randomUUID().toString().substring(0, 8);
    return new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
        .issueCertificate(
            "personal-sign", "CN=" + name + ",C=CN", TestRequests.sm2(directory, name));
  }

  private HttpResponse<String> ceremonyPost(CaServer server, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    server.httpBase().replace("localhost", "127.0.0.1")
                        + "/custody/ceremony/activate"))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    present("kc.wang", "kc.li", "kc.zhang").replace("\nPin", "\tPin")));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
