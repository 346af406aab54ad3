package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * Certificate and CRL sync to an e-gov system (R21, R22) and its query service (R23), against the
 * deployed EAR and the reference receiver: the receiver is down while certificates are issued and
 * revoked and the CA restarts in the middle; afterwards it holds every message exactly once, in
 * order, each verified against the CA chain; another unit's certificates never reach it, and its
 * query service refuses them (R19).
 */
@ExtendWith(DeployedEar.class)
@Order(Order.DEFAULT + 1)
class EgovSyncIT {

  private static final String UNIT = "SYNC-A";
  private static final String OTHER_UNIT = "SYNC-B";
  private static final String SYSTEM = "sync-a";

  @TempDir static Path directory;

  private static SSLContext egovSystem;

  @BeforeAll
  static void registerTheEgovSystem(CaServer server, ReferenceReceiver receiver) throws Exception {
    SecurityAdministrators admins = SecurityAdministrators.of(server);
    assertNull(admins.admin.createApplicationUnit(UNIT, "Sync unit A"));
    assertNull(admins.admin.createApplicationUnit(OTHER_UNIT, "Sync unit B"));
    // the demo RA may place certificates into both units (R19): a second administrator approves
    admins.authoriseDemoRa(server, UNIT, OTHER_UNIT);
    RaSoapClient.Supervised registered =
        admins.approved(
            admin ->
                admin.registerEgovSystem(
                    SYSTEM,
                    UNIT,
                    receiver.endpoint(),
                    "REALTIME",
                    0,
                    List.of("ISSUE", "RENEW", "REKEY", "REVOKE", "CRL"),
                    TestRequests.rsa(directory, SYSTEM, 2048)));
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
          server.count(
                  "SELECT COUNT(*) FROM delivery WHERE channel = ? AND delivered_at IS NULL",
                  channel(server))
              >= 27,
          "20 issuances and 7 revocations wait for the e-gov system");
    } finally {
      receiver.start();
    }

    List<String> expected = messageIds(server);
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
                && message.getString("caIdentifier").startsWith("iFutureCA"),
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
  }

  @Test
  void aRegistrationWithAnUnknownUnitOrABadRequestIsRefusedNamingItAndWritesNothing(
      CaServer server, ReferenceReceiver receiver) throws Exception {
    RaSoapClient admin = SecurityAdministrators.of(server).admin;
    List<String> events = List.of("ISSUE");
    RaSoapClient.Supervised unknownUnit =
        admin.registerEgovSystem(
            "ghost",
            "NO-SUCH-UNIT",
            receiver.endpoint(),
            "REALTIME",
            0,
            events,
            TestRequests.rsa(directory, "ghost", 2048));
    assertEquals("MALFORMED_REQUEST", unknownUnit.faultCode(), unknownUnit.faultString());
    assertTrue(unknownUnit.faultString().contains("NO-SUCH-UNIT"), unknownUnit.faultString());

    // every part is checked when the registration is asked for: nothing waits for approval
    RaSoapClient.Supervised badRequest =
        admin.registerEgovSystem(
            "ghost", UNIT, receiver.endpoint(), "REALTIME", 0, events, "not a PKCS#10");
    assertEquals("MALFORMED_REQUEST", badRequest.faultCode(), badRequest.faultString());
    assertTrue(badRequest.faultString().contains("certificate request"), badRequest.faultString());

    RaSoapClient.Supervised badEndpoint =
        admin.registerEgovSystem(
            "ghost",
            UNIT,
            "ftp://127.0.0.1/sync",
            "REALTIME",
            0,
            events,
            TestRequests.rsa(directory, "ghost", 2048));
    assertEquals("MALFORMED_REQUEST", badEndpoint.faultCode(), badEndpoint.faultString());
    assertEquals(0, server.count("SELECT COUNT(*) FROM egov_system WHERE name = 'ghost'"));
    assertEquals(
        0, server.count("SELECT COUNT(*) FROM pending_action WHERE target = 'egov-system:ghost'"));
    assertEquals(
        0, server.count("SELECT COUNT(*) FROM ra_client WHERE name = 'egov-system:ghost'"));
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
        server.count(
            "SELECT COUNT(*) FROM audit_event WHERE actor = 'egov-system:sync-a'"
                + " AND outcome = 'DENIED' AND detail LIKE ?",
            "certificate " + other.toString(16) + "%"));

    answer = query.invoke("getCaChain", Map.of("caName", "iFutureCA"));
    assertEquals(2, answer.getElementsByTagNameNS("*", "caCertificate").getLength(), text(answer));
    answer = query.invoke("getLatestCrl", Map.of("caName", "iFutureCA"));
    X509CRLHolder crl =
        new X509CRLHolder(Base64.getDecoder().decode(RaSoapClient.first(answer, "crl")));
    assertEquals(certificate.getIssuer(), crl.getIssuer());

    // the remote RA's credential is not an e-gov system's: refused
    Document refused =
        new RaSoapClient(Tls.raClient(server), server.httpsBase(), "QueryService")
            .invoke("getCertificate", Map.of("serialNumber", own.toString(16)));
    assertEquals("NOT_AUTHORIZED", RaSoapClient.first(refused, "code"), text(refused));
  }

  private List<BigInteger> issue(CaServer server, String batch, int from, int count, String unit)
      throws Exception {
    RaSoapClient ra = new RaSoapClient(Tls.raClient(server), server.httpsBase());
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
    RaSoapClient ra = new RaSoapClient(Tls.raClient(server), server.httpsBase());
    for (BigInteger serial : serials) {
      RaSoapClient.Revocation revocation = ra.revokeCertificate(serial.toString(16), "E", "RA");
      assertNull(revocation.faultString(), revocation.faultString());
      revoked.add(serial);
    }
  }

  private static String channel(CaServer server) throws Exception {
    try (Connection connection = server.database();
        PreparedStatement query =
            connection.prepareStatement("SELECT id FROM egov_system WHERE name = ?")) {
      query.setString(1, SYSTEM);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return "egov-system-" + row.getLong(1);
      }
    }
  }

  /** The message ids of every item the CA queued for the e-gov system, in queue order. */
  private static List<String> messageIds(CaServer server) throws Exception {
    Set<String> ids = new LinkedHashSet<>();
    try (Connection connection = server.database();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT message_id FROM delivery WHERE channel = ? ORDER BY id")) {
      query.setString(1, channel(server));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return new ArrayList<>(ids);
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

  private static String text(Document document) {
    return document.getDocumentElement().getTextContent();
  }
}
