package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ldap.slapd.Ldapsearch;
import org.egovca.ldap.slapd.SlapdPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA publishes to a real OpenLDAP master, and relying parties read its syncrepl slave with
 * Debian's ldapsearch (R11, CPS §6.1.4.9, §7.3.3.3): certificates, CA certificates and CRLs arrive;
 * a revoked certificate leaves; an opted-out holder is never published (§6.1.4.4.2); an outage of
 * the master delays publication but never loses or reorders it, and never fails issuance.
 */
@ExtendWith(DeployedEar.class)
class DirectoryReplicationIT {

  private static final Duration REPLICATED = Duration.ofSeconds(90);

  @TempDir Path directory;

  @Test
  void certificateCaCertificateAndCrlsReachTheSlaveAndARevokedCertificateLeaves(
      CaServer server, SlapdPair ldap) throws Exception {
    Ldapsearch slave = ldap.slave();
    String name = "Replicated " + UUID.randomUUID().toString().substring(0, 8);
    byte[] certificate = issue(server, name, true);

    slave.awaitValues(
        "(cn=" + name + ")", "userCertificate;binary", holds(certificate), REPLICATED);
    byte[] issuingCa = pemCertificates(server.caChainPem()).get(0);
    slave.awaitValues("(cn=iFutureCA)", "cACertificate;binary", holds(issuingCa), REPLICATED);
    byte[] root = pemCertificates(server.caChainPem()).get(1);
    slave.awaitValues("(cn=iFutureCA Root)", "cACertificate;binary", holds(root), REPLICATED);
    // the root's CRL lists CA certificates: an authority revocation list on the root's entry
    List<byte[]> arl =
        slave.awaitValues(
            "(cn=iFutureCA Root)",
            "authorityRevocationList;binary",
            values -> values.size() == 1,
            REPLICATED);
    assertEquals(
        new X509CertificateHolder(root).getSubject(), new X509CRLHolder(arl.get(0)).getIssuer());

    BigInteger serial = new X509CertificateHolder(certificate).getSerialNumber();
    RaSoapClient.Revocation revocation =
        client(server).revokeCertificate(serial.toString(16), "E", "HOLDER");
    assertNull(revocation.faultString(), revocation.faultString());

    slave.awaitValues(
        "(cn=" + name + ")", "userCertificate;binary", values -> values.isEmpty(), REPLICATED);
    List<byte[]> crl =
        slave.awaitValues(
            "(cn=iFutureCA)",
            "certificateRevocationList;binary",
            values -> values.size() == 1 && lists(values.get(0), serial),
            REPLICATED);
    X509CRLHolder published = new X509CRLHolder(crl.get(0));
    assertEquals(new X509CertificateHolder(issuingCa).getSubject(), published.getIssuer());
  }

  @Test
  void aHolderWhoDeclinedPublicationIsNeverInTheDirectory(CaServer server, SlapdPair ldap)
      throws Exception {
    String declined = "Declined " + UUID.randomUUID().toString().substring(0, 8);
    String consented = "Consented " + UUID.randomUUID().toString().substring(0, 8);
    issue(server, declined, false);
    byte[] later = issue(server, consented, true);

    // the directory queue delivers in order: once the later certificate is on the slave, the
    // earlier one has had its turn
    ldap.slave()
        .awaitValues("(cn=" + consented + ")", "userCertificate;binary", holds(later), REPLICATED);
    assertEquals(0, ldap.master().count("(cn=" + declined + ")"));
    assertEquals(0, ldap.slave().count("(cn=" + declined + ")"));
    assertEquals(0, new Records(server).deliveriesOfSubject("directory", declined));
  }

  @Test
  void aMasterOutageDelaysPublicationButLosesReordersAndFailsNothing(
      CaServer server, SlapdPair ldap) throws Exception {
    String batch = "Outage" + UUID.randomUUID().toString().substring(0, 6);
    List<byte[]> certificates = new ArrayList<>();
    ldap.stopMaster();
    try {
      for (int i = 0; i < 50; i++) {
        certificates.add(issue(server, batch + " " + i, true));
      }
      for (int i = 0; i < 50; i += 2) {
        BigInteger serial = new X509CertificateHolder(certificates.get(i)).getSerialNumber();
        RaSoapClient.Revocation revocation =
            client(server).revokeCertificate(serial.toString(16), "G", "RA");
        assertNull(revocation.faultString(), "revocation failed while the master was down");
      }
      assertTrue(
          new Records(server).waitingDeliveries("directory", batch) >= 75,
          "the 50 issuances and 25 revocations wait in the directory's delivery queue");
      awaitFailedAttempt(server);
    } finally {
      ldap.startMaster();
    }

    awaitDelivered(server, batch);
    // the 25 revoked certificates left with their entries (nothing else was on them); the 25
    // others are there, each once
    Ldapsearch slave = ldap.slave();
    slave.awaitCount("(cn=" + batch + " *)", 25, Duration.ofMinutes(3));
    for (int i = 0; i < 50; i++) {
      List<byte[]> values = slave.values("(cn=" + batch + " " + i + ")", "userCertificate;binary");
      if (i % 2 == 0) {
        assertTrue(values.isEmpty(), "revoked certificate " + i + " is still published");
      } else {
        assertEquals(1, values.size(), "certificate " + i + " is published once");
        assertArrayEquals(certificates.get(i), values.get(0));
      }
    }
    assertEquals(0, new Records(server).waitingDeliveries("directory", batch));
    deliveredInOrder(server, batch);
  }

  /** Delivery times follow the order the changes were made, for all 75 items of the batch. */
  private static void deliveredInOrder(CaServer server, String batch) throws Exception {
    List<Records.Delivery> deliveries = new Records(server).deliveries("directory", batch);
    Instant previous = null;
    for (Records.Delivery delivery : deliveries) {
      Instant delivered = delivery.deliveredAt();
      assertNotNull(delivered);
      if (previous != null) {
        assertFalse(delivered.isBefore(previous), "item " + delivery.id() + " overtook one");
      }
      previous = delivered;
    }
    assertEquals(75, deliveries.size());
  }

  private static void awaitDelivered(CaServer server, String batch) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    Records records = new Records(server);
    long pending;
    while ((pending = records.waitingDeliveries("directory", batch)) > 0) {
      assertTrue(System.nanoTime() < deadline, pending + " publications still wait");
      Thread.sleep(250);
    }
  }

  private static void awaitFailedAttempt(CaServer server) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!new Records(server).deliveryFailed("directory")) {
      assertTrue(System.nanoTime() < deadline, "no delivery attempt failed while it was down");
      Thread.sleep(200);
    }
  }

  private byte[] issue(CaServer server, String commonName, boolean publish) throws Exception {
    RaSoapClient.Answer answer =
        client(server)
            .issueCertificate(
                "personal-sign",
                "CN=" + commonName + ",C=CN",
                TestRequests.sm2(directory, "k"),
                null,
                publish);
    assertTrue(answer.issued(), commonName + ": " + answer.faultString());
    return answer.certificate();
  }

  private static java.util.function.Predicate<List<byte[]>> holds(byte[] expected) {
    return values -> values.stream().anyMatch(value -> Arrays.equals(value, expected));
  }

  private static boolean lists(byte[] crl, BigInteger serial) {
    try {
      return new X509CRLHolder(crl).getRevokedCertificate(serial) != null;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static List<byte[]> pemCertificates(Path pem) throws Exception {
    List<byte[]> certificates = new ArrayList<>();
    String text = Files.readString(pem);
    String begin = "-----BEGIN CERTIFICATE-----";
    String end = "-----END CERTIFICATE-----";
    for (int at = text.indexOf(begin); at >= 0; at = text.indexOf(begin, at + 1)) {
      String body = text.substring(at + begin.length(), text.indexOf(end, at));
      certificates.add(Base64.getMimeDecoder().decode(body));
    }
    return certificates;
  }

  private static RaSoapClient client(CaServer server) throws Exception {
    return new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
  }
}
