package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.it.console.Pki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Certificate and CRL sync to e-gov systems (R21, R22) and their query service (R23), against the
 * deployed EAR and reference receivers, each configured with the system it serves: the receiver of
 * unit A's system is down while certificates are issued and revoked and the CA restarts in the
 * middle; afterwards it holds every message exactly once, in order, each verified against the CA
 * chain (signed by the CA's sync signer); another unit's certificates never reach it, and its query
 * service refuses them (R19). Unit B's system receives its own messages, over HTTPS with the anchor
 * registered for it; a message the CA made for unit A's system, replayed into unit B's, is refused
 * as WRONG_RECIPIENT.
 *
 * <p>Unit A's receiver is registered over plain HTTP with the administrator's explicit allowance
 * ({@code allowPlainHttp}), as a test system may be; unit B's over https:// with the CA's own RSA
 * TLS CA as its server trust anchor, since that CA issued the test server's certificate.
 */
@ExtendWith(DeployedEar.class)
@Order(Order.DEFAULT + 1)
class EgovSyncIT {

  private static final String UNIT = ReferenceReceiver.UNIT;
  private static final String OTHER_UNIT = "SYNC-B";
  private static final String SYSTEM = ReferenceReceiver.SYSTEM;
  private static final String OTHER_SYSTEM = "sync-b";
  private static final List<String> EVENTS = List.of("ISSUE", "RENEW", "REKEY", "REVOKE", "CRL");

  @TempDir static Path directory;

  private static SSLContext egovSystem;
  private static ReferenceReceiver otherReceiver;

  @BeforeAll
  static void registerTheEgovSystems(
      CaServer server, EarLauncher launcher, ReferenceReceiver receiver) throws Exception {
    SecurityAdministrators admins = SecurityAdministrators.of(server);
    assertNull(admins.admin.createApplicationUnit(UNIT, "Sync unit A"));
    assertNull(admins.admin.createApplicationUnit(OTHER_UNIT, "Sync unit B"));
    // the demo RA may place certificates into both units (R19): a second administrator approves
    admins.authoriseDemoRa(server, UNIT, OTHER_UNIT);
    RaSoapClient.DualControlRequest registered =
        admins.approved(
            admin ->
                admin.registerEgovSystem(
                    SYSTEM,
                    UNIT,
                    receiver.endpoint(),
                    "REALTIME",
                    0,
                    EVENTS,
                    TestRequests.rsa(directory, SYSTEM, 2048),
                    true,
                    null));
    otherReceiver =
        ReferenceReceiver.deploy(launcher, server, "sync-receiver-b", OTHER_SYSTEM, OTHER_UNIT);
    admins.approved(
        admin ->
            admin.registerEgovSystem(
                OTHER_SYSTEM,
                OTHER_UNIT,
                otherReceiver.httpsEndpoint(),
                "REALTIME",
                0,
                EVENTS,
                TestRequests.rsa(directory, OTHER_SYSTEM, 2048),
                false,
                Files.readString(server.tlsCaPem())));
    // the allowance of plain HTTP and the anchors are in the registration's audit record
    Records records = new Records(server);
    assertEquals(
        1,
        records
            .audit("EGOV_SYSTEM_REGISTERED")
            .target("egov-system:" + SYSTEM)
            .detailLike("%PLAIN-HTTP-ALLOWED%")
            .count());
    assertEquals(
        1,
        records
            .audit("EGOV_SYSTEM_REGISTERED")
            .target("egov-system:" + OTHER_SYSTEM)
            .detailLike("%serverTrustAnchors=[%SHA-256 %")
            .detailNotLike("%PLAIN-HTTP%")
            .count());
    Path p12 = Pki.pkcs12(directory, SYSTEM, registered.result(), "changeit");
    egovSystem = Tls.client(server, p12, "changeit".toCharArray());
  }

  @Test
  void aReceiverOutageAndACaRestartLoseNothingAndEachMessageIsAppliedOnceInOrder(
      CaServer server, EarLauncher launcher, ReferenceReceiver receiver) throws Exception {
    String batch = "Sync" + UUID.randomUUID().toString().substring(0, 6);
    List<BigInteger> revoked = new ArrayList<>();
    List<BigInteger> ours = new ArrayList<>();
    List<BigInteger> otherUnits;
    receiver.stop();
    try {
      ours.addAll(issue(server, batch, 0, 10, UNIT));
      otherUnits = issue(server, batch + "B", 0, 2, OTHER_UNIT);
      revoke(server, ours.subList(0, 4), revoked);
      launcher.restart();
      ours.addAll(issue(server, batch, 10, 10, UNIT));
      revoke(server, ours.subList(10, 13), revoked);
      assertTrue(
          new Records(server).waitingDeliveries(queue(server, SYSTEM)) >= 27,
          "20 issuances and 7 revocations wait for the e-gov system");
    } finally {
      receiver.start();
    }

    List<String> expected = messageIds(server, SYSTEM);
    List<JsonObject> received = awaitAll(receiver, expected);
    Set<String> ids = new HashSet<>();
    Map<String, Integer> issuedAt = new HashMap<>();
    Set<String> revocations = new HashSet<>();
    for (int i = 0; i < received.size(); i++) {
      JsonObject message = received.get(i);
      assertTrue(ids.add(message.getString("messageId")), "applied twice: " + message);
      if ("CERTIFICATE".equals(message.getString("kind"))) {
        assertTrue(
            !message.getString("serialNumber", "").isEmpty()
                && message.getString("caName").startsWith("iFutureCA"),
            message.toString());
        String serial = message.getString("serialNumber");
        if ("ISSUE".equals(message.getString("businessType"))) {
          issuedAt.put(serial, i);
        } else if ("REVOKE".equals(message.getString("businessType"))) {
          Integer issue = issuedAt.get(serial);
          assertTrue(issue != null && issue < i, "the revocation of " + serial + " came first");
          assertEquals("REVOKED", message.getString("status"));
          revocations.add(serial);
        }
      }
    }
    assertEquals(new HashSet<>(expected), ids, "the receiver holds exactly the CA's messages");
    for (BigInteger serial : ours) {
      assertTrue(issuedAt.containsKey(serial.toString(16)), "no ISSUE for " + serial.toString(16));
    }
    for (BigInteger serial : revoked) {
      assertTrue(revocations.contains(serial.toString(16)), "no REVOKE for " + serial.toString(16));
    }
    for (BigInteger serial : otherUnits) {
      assertTrue(!issuedAt.containsKey(serial.toString(16)), "another unit's certificate arrived");
    }
    for (JsonObject rejection : receiver.rejections()) {
      assertTrue(
          !expected.contains(rejection.getString("messageId", "")),
          "a message of the CA was rejected: " + rejection);
    }
    assertEquals(0, receiver.duplicates(), "no worker delivered an item another had delivered");

    // unit B's system, over https with its own anchor, has its unit's messages, each once
    List<String> expectedByB = messageIds(server, OTHER_SYSTEM);
    List<JsonObject> receivedByB = awaitAll(otherReceiver, expectedByB);
    Set<String> idsAtB = new HashSet<>();
    receivedByB.forEach(m -> assertTrue(idsAtB.add(m.getString("messageId")), "twice: " + m));
    assertEquals(new HashSet<>(expectedByB), idsAtB);
    for (BigInteger serial : otherUnits) {
      assertTrue(
          receivedByB.stream()
              .anyMatch(m -> serial.toString(16).equals(m.getString("serialNumber", ""))),
          "unit B's certificate " + serial.toString(16) + " did not reach unit B's system");
    }
    assertEquals(List.of(), otherReceiver.rejections(), "unit B's system refused nothing");
  }

  @Test
  void aMessageTheCaMadeForOneUnitsSystemReplayedIntoAnothersIsRefused(
      CaServer server, ReferenceReceiver receiver) throws Exception {
    BigInteger serial =
        issue(server, "Replay" + UUID.randomUUID().toString().substring(0, 6), 0, 1, UNIT).get(0);
    String messageId = awaitIssueMessage(receiver, serial.toString(16));
    String request = replayedRequest(receiver.storedMessage(messageId));

    String atB = post(otherReceiver.endpoint(), request);
    assertTrue(atB.contains("WRONG_RECIPIENT"), atB);
    assertTrue(
        otherReceiver.rejections().stream()
            .anyMatch(
                r ->
                    messageId.equals(r.getString("messageId", ""))
                        && "WRONG_RECIPIENT".equals(r.getString("code"))),
        "unit B's receiver recorded the refusal");
    assertTrue(
        otherReceiver.messages().stream()
            .noneMatch(m -> messageId.equals(m.getString("messageId"))),
        "unit B's receiver did not apply unit A's message");

    // the same bytes are a genuine message of the CA: its own recipient takes them (again)
    String atA = post(receiver.endpoint(), request);
    assertTrue(atA.contains("DUPLICATE"), atA);
  }

  @Test
  void aRegistrationWithAnUnknownUnitOrABadRequestIsRefusedNamingItAndWritesNothing(
      CaServer server, ReferenceReceiver receiver) throws Exception {
    RaSoapClient admin = SecurityAdministrators.of(server).admin;
    List<String> events = List.of("ISSUE");
    RaSoapClient.DualControlRequest unknownUnit =
        admin.registerEgovSystem(
            "ghost",
            "NO-SUCH-UNIT",
            receiver.endpoint(),
            "REALTIME",
            0,
            events,
            TestRequests.rsa(directory, "ghost", 2048),
            true,
            null);
    assertEquals("MALFORMED_REQUEST", unknownUnit.faultCode(), unknownUnit.faultString());
    assertTrue(unknownUnit.faultString().contains("NO-SUCH-UNIT"), unknownUnit.faultString());

    // every part is checked when the registration is asked for: nothing waits for approval
    RaSoapClient.DualControlRequest badRequest =
        admin.registerEgovSystem(
            "ghost", UNIT, receiver.endpoint(), "REALTIME", 0, events, "not a PKCS#10", true, null);
    assertEquals("MALFORMED_REQUEST", badRequest.faultCode(), badRequest.faultString());
    assertTrue(badRequest.faultString().contains("certificate request"), badRequest.faultString());

    RaSoapClient.DualControlRequest badEndpoint =
        admin.registerEgovSystem(
            "ghost",
            UNIT,
            "ftp://127.0.0.1/sync",
            "REALTIME",
            0,
            events,
            TestRequests.rsa(directory, "ghost", 2048),
            false,
            null);
    assertEquals("MALFORMED_REQUEST", badEndpoint.faultCode(), badEndpoint.faultString());

    // plain http only with the administrator's explicit allowance; https only with anchors
    RaSoapClient.DualControlRequest plainHttp =
        admin.registerEgovSystem(
            "ghost",
            UNIT,
            receiver.endpoint(),
            "REALTIME",
            0,
            events,
            TestRequests.rsa(directory, "ghost", 2048),
            false,
            null);
    assertEquals("MALFORMED_REQUEST", plainHttp.faultCode(), plainHttp.faultString());
    assertTrue(
        plainHttp.faultString().contains("must be https://")
            && plainHttp.faultString().contains("explicitly allows plain HTTP"),
        plainHttp.faultString());
    RaSoapClient.DualControlRequest noAnchors =
        admin.registerEgovSystem(
            "ghost",
            UNIT,
            receiver.httpsEndpoint(),
            "REALTIME",
            0,
            events,
            TestRequests.rsa(directory, "ghost", 2048),
            false,
            null);
    assertEquals("MALFORMED_REQUEST", noAnchors.faultCode(), noAnchors.faultString());
    assertTrue(noAnchors.faultString().contains("server trust anchors"), noAnchors.faultString());
    Records records = new Records(server);
    assertTrue(records.egovSystem("ghost").isEmpty());
    assertEquals(0, records.dualControlRequestsFor("egov-system:ghost"));
    assertEquals(0, records.clientAccounts("egov-system:ghost"));
  }

  @Test
  void theQueryServiceAnswersForItsOwnUnitAndRefusesAnotherUnitsCertificate(CaServer server)
      throws Exception {
    BigInteger own =
        issue(server, "Query" + UUID.randomUUID().toString().substring(0, 6), 0, 1, UNIT).get(0);
    BigInteger other =
        issue(server, "Other" + UUID.randomUUID().toString().substring(0, 6), 0, 1, OTHER_UNIT)
            .get(0);
    RaSoapClient query = new RaSoapClient(egovSystem, server.httpsBase(), "QueryService");

    Document answer = query.invoke("getCertificate", Map.of("serialNumber", own.toString(16)));
    assertEquals("GOOD", RaSoapClient.first(answer, "status"), text(answer));
    X509CertificateHolder certificate =
        new X509CertificateHolder(
            Base64.getDecoder().decode(RaSoapClient.first(answer, "encoded")));
    assertEquals(own, certificate.getSerialNumber());

    revoke(server, List.of(own), new ArrayList<>());
    answer = query.invoke("getCertificate", Map.of("serialNumber", own.toString(16)));
    assertEquals("REVOKED", RaSoapClient.first(answer, "status"), text(answer));
    assertEquals("keyCompromise", RaSoapClient.first(answer, "revocationReason"));

    answer =
        query.invoke(
            "findCertificatesBySubject",
            Map.of("subjectDn", RaSoapClient.first(answer, "subjectDn")));
    assertEquals(own.toString(16), RaSoapClient.first(answer, "serialNumber"), text(answer));

    answer = query.invoke("getCertificate", Map.of("serialNumber", other.toString(16)));
    assertEquals("NOT_AUTHORIZED", RaSoapClient.first(answer, "code"), text(answer));
    assertEquals(
        1,
        new Records(server)
            .audit()
            .actor("egov-system:sync-a")
            .outcome("DENIED")
            .detailLike("certificate " + other.toString(16) + "%")
            .count());

    answer = query.invoke("getCaChain", Map.of("caName", "iFutureCA"));
    assertEquals(2, answer.getElementsByTagNameNS("*", "caCertificate").getLength(), text(answer));
    answer = query.invoke("getLatestCrl", Map.of("caName", "iFutureCA"));
    X509CRLHolder crl =
        new X509CRLHolder(Base64.getDecoder().decode(RaSoapClient.first(answer, "crl")));
    assertEquals(certificate.getIssuer(), crl.getIssuer());

    // the remote RA's credential is not an e-gov system's: refused
    Document refused =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase(), "QueryService")
            .invoke("getCertificate", Map.of("serialNumber", own.toString(16)));
    assertEquals("NOT_AUTHORIZED", RaSoapClient.first(refused, "code"), text(refused));
  }

  private List<BigInteger> issue(CaServer server, String batch, int from, int count, String unit)
      throws Exception {
    RaSoapClient ra = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    List<BigInteger> serials = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      RaSoapClient.Answer answer =
          ra.issueCertificate(
              "personal-sign",
              "CN=" + batch + " " + i + ",C=CN",
              TestRequests.sm2(directory, "holder"),
              unit,
              true);
      assertTrue(answer.issued(), answer.faultString());
      serials.add(new X509CertificateHolder(answer.certificate()).getSerialNumber());
    }
    return serials;
  }

  private static void revoke(CaServer server, List<BigInteger> serials, List<BigInteger> revoked)
      throws Exception {
    RaSoapClient ra = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    for (BigInteger serial : serials) {
      RaSoapClient.Revocation revocation = ra.revokeCertificate(serial.toString(16), "E", "RA");
      assertNull(revocation.faultString(), revocation.faultString());
      revoked.add(serial);
    }
  }

  private static String queue(CaServer server, String system) throws Exception {
    return new Records(server).egovSystem(system).orElseThrow().queue();
  }

  /** The message ids of every item the CA queued for the e-gov system, in queue order. */
  private static List<String> messageIds(CaServer server, String system) throws Exception {
    return new ArrayList<>(
        new LinkedHashSet<>(new Records(server).messageIds(queue(server, system))));
  }

  private static List<JsonObject> awaitAll(ReferenceReceiver receiver, List<String> expected)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      List<JsonObject> received = receiver.messages();
      Set<String> ids = new HashSet<>();
      received.forEach(m -> ids.add(m.getString("messageId")));
      if (ids.containsAll(expected)) {
        return received;
      }
      assertTrue(
          System.nanoTime() < deadline,
          "the receiver holds " + ids.size() + " of the " + expected.size() + " messages");
      Thread.sleep(500);
    }
  }

  private static String awaitIssueMessage(ReferenceReceiver receiver, String serial)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      for (JsonObject message : receiver.messages()) {
        if (serial.equals(message.getString("serialNumber", ""))
            && "ISSUE".equals(message.getString("businessType"))) {
          return message.getString("messageId");
        }
      }
      assertTrue(System.nanoTime() < deadline, "the ISSUE of " + serial + " did not arrive");
      Thread.sleep(250);
    }
  }

  /**
   * The syncCertificate request that carried a stored message, rebuilt from the receiver's file
   * (its canonical payload and the CA's signature), as someone who captured it would send it.
   */
  private static String replayedRequest(Path stored) throws Exception {
    Map<String, String> fields = new HashMap<>();
    for (String line : Files.readAllLines(stored, StandardCharsets.UTF_8)) {
      int separator = line.indexOf('=');
      fields.put(line.substring(0, separator), line.substring(separator + 1));
    }
    assertEquals("syncCertificate", fields.get("operation"));
    StringBuilder body = new StringBuilder("<syncCertificate xmlns=\"urn:egovca:sync:2\">");
    append(body, "messageId", fields.get("messageId"));
    body.append("<recipient>");
    append(body, "system", fields.get("recipient.system"));
    append(body, "applicationUnit", fields.get("recipient.applicationUnit"));
    body.append("</recipient>");
    append(body, "businessType", fields.get("businessType"));
    append(body, "caName", fields.get("caName"));
    body.append("<holder>");
    for (String field :
        List.of("subjectDn", "commonName", "organisation", "identifierType", "identifierValue")) {
      append(body, field, fields.get("holder." + field));
    }
    body.append("</holder>");
    for (String field :
        List.of(
            "certificate",
            "serialNumber",
            "status",
            "notBefore",
            "notAfter",
            "revokedAt",
            "revocationReason",
            "syncTime",
            "signature")) {
      append(body, field, fields.get(field));
    }
    body.append("</syncCertificate>");
    return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
        + body
        + "</s:Body></s:Envelope>";
  }

  private static void append(StringBuilder xml, String name, String value) {
    if (value != null && !value.isEmpty()) {
      xml.append('<')
          .append(name)
          .append('>')
          .append(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
          .append("</")
          .append(name)
          .append('>');
    }
  }

  private static String post(String endpoint, String envelope) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(endpoint))
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"urn:egovca:sync:2:syncCertificate\"")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static String text(Document document) {
    return document.getDocumentElement().getTextContent();
  }
}
