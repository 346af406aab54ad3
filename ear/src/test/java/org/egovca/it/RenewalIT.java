package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online renewal (CPS §6.1.4.6) and re-key (§6.1.4.7) through {@code RaService}: each proven with a
 * fresh renewal proof made by OpenSSL with the current private key, bound to the certificate and
 * the request; the signing/encryption pair kept consistent; refusals for the wrong key, a revoked
 * certificate, a missing, stale, replayed or misdirected proof. The test server allows renewal 400
 * days before expiry; the 90-day default is proven by unit tests.
 */
@ExtendWith(DeployedEar.class)
class RenewalIT {

  @TempDir Path directory;

  @Test
  void renewalKeepsKeyAndSubjectAndGivesANewCertificate(CaServer server) throws Exception {
    X509CertificateHolder current = issue(server, "renew");
    String serial = current.getSerialNumber().toString(16);
    String renewalRequest = sameKeyRequest("renew");
    RaSoapClient.Dual renewal =
        client(server)
            .renewCertificate(
                serial,
                renewalRequest,
                HolderProof.sign(directory, "RENEW", serial, "renew-renewal", "renew"));
    assertNull(renewal.faultString(), renewal.faultString());
    X509CertificateHolder renewed = new X509CertificateHolder(renewal.signatureCertificate());
    assertNotEquals(current.getSerialNumber(), renewed.getSerialNumber());
    assertArrayEquals(current.getSubject().getEncoded(), renewed.getSubject().getEncoded());
    assertEquals(current.getSubjectPublicKeyInfo(), renewed.getSubjectPublicKeyInfo());
    assertFalse(renewed.getNotAfter().before(current.getNotAfter()));
    assertNull(renewal.encryptionCertificate(), "a single certificate renews alone");
    assertEquals(
        1,
        new Records(server)
            .audit("CERTIFICATE_RENEWED")
            .outcome("SUCCESS")
            .detailLike(
                "serial="
                    + renewed.getSerialNumber().toString(16)
                    + " replaces="
                    + current.getSerialNumber().toString(16)
                    + " %")
            .count());
  }

  @Test
  void renewalRequestForAnotherKeyIsRefused(CaServer server) throws Exception {
    X509CertificateHolder current = issue(server, "owner");
    String serial = current.getSerialNumber().toString(16);
    String otherKeyRequest = TestRequests.sm2(directory, "intruder");
    Records records = new Records(server);
    long before = records.certificateCount();
    RaSoapClient.Dual renewal =
        client(server)
            .renewCertificate(
                serial,
                otherKeyRequest,
                HolderProof.sign(directory, "RENEW", serial, "intruder", "owner"));
    assertEquals("RENEWAL_REFUSED", renewal.faultCode());
    assertTrue(renewal.faultString().contains("keeps the key"), renewal.faultString());
    assertEquals(before, records.certificateCount());
  }

  @Test
  void revokedCertificateIsNotRenewed(CaServer server) throws Exception {
    X509CertificateHolder current = issue(server, "revoked");
    String serial = current.getSerialNumber().toString(16);
    assertNull(client(server).revokeCertificate(serial, "G", "RA").faultString());
    RaSoapClient.Dual renewal =
        client(server)
            .renewCertificate(
                serial,
                sameKeyRequest("revoked"),
                HolderProof.sign(directory, "RENEW", serial, "revoked-renewal", "revoked"));
    assertEquals("RENEWAL_REFUSED", renewal.faultCode());
    assertTrue(renewal.faultString().contains("initial vetting"), renewal.faultString());
  }

  @Test
  void rekeyOfAPairGivesNewKeysBothSignedWithTheCurrentKey(CaServer server) throws Exception {
    RaSoapClient.Dual dual =
        client(server)
            .issueDualCertificate(
                "personal-sign",
                "CN=Rekey " + UUID.randomUUID().toString().substring(0, 8) + ",C=CN",
                TestRequests.sm2(directory, "old"));
    assertNull(dual.faultString(), dual.faultString());
    X509CertificateHolder current = new X509CertificateHolder(dual.signatureCertificate());
    X509CertificateHolder currentEncryption =
        new X509CertificateHolder(dual.encryptionCertificate());

    String newRequest = TestRequests.sm2(directory, "new");
    String serial = current.getSerialNumber().toString(16);
    RaSoapClient.Dual rekey =
        client(server)
            .rekeyCertificate(
                serial, newRequest, HolderProof.sign(directory, "REKEY", serial, "new", "old"));
    assertNull(rekey.faultString(), rekey.faultString());
    X509CertificateHolder rekeyed = new X509CertificateHolder(rekey.signatureCertificate());
    assertArrayEquals(current.getSubject().getEncoded(), rekeyed.getSubject().getEncoded());
    assertNotEquals(current.getSubjectPublicKeyInfo(), rekeyed.getSubjectPublicKeyInfo());
    assertNotNull(rekey.encryptionCertificate(), "the pair stays a pair");
    assertNotNull(rekey.envelopedPrivateKey(), "the new encryption key comes enveloped");
    X509CertificateHolder newEncryption = new X509CertificateHolder(rekey.encryptionCertificate());
    assertNotEquals(
        currentEncryption.getSubjectPublicKeyInfo(), newEncryption.getSubjectPublicKeyInfo());
    assertEquals(
        newEncryption.getSerialNumber().toString(16),
        new Records(server).certificate(rekeyed.getSerialNumber()).pairedSerial(),
        "the new pair is recorded as a pair");
  }

  @Test
  void rekeyNotSignedWithTheCurrentKeyIsRefused(CaServer server) throws Exception {
    X509CertificateHolder current = issue(server, "victim");
    String newRequest = TestRequests.sm2(directory, "fresh");
    TestRequests.sm2(directory, "stranger");
    String serial = current.getSerialNumber().toString(16);
    RaSoapClient.Dual rekey =
        client(server)
            .rekeyCertificate(
                serial,
                newRequest,
                HolderProof.sign(directory, "REKEY", serial, "fresh", "stranger"));
    assertEquals("PROOF_OF_POSSESSION_FAILED", rekey.faultCode());
    assertTrue(
        rekey.faultString().contains("renewal proof is not signed with the private key"),
        rekey.faultString());
  }

  /**
   * A replayed renewal proof: a self-signed PKCS#10 for the same key, such as the original request
   * that clerks can read, no longer renews anything.
   */
  @Test
  void theRequestAloneProvesNothing(CaServer server) throws Exception {
    X509CertificateHolder current = issue(server, "plain");
    String serial = current.getSerialNumber().toString(16);
    Records records = new Records(server);
    long before = records.certificateCount();

    RaSoapClient.Dual renewal =
        client(server)
            .renewCertificate(serial, Files.readString(directory.resolve("plain.csr")), null);

    assertEquals("MALFORMED_REQUEST", renewal.faultCode());
    assertTrue(renewal.faultString().contains("renewal proof is missing"), renewal.faultString());
    assertEquals(before, records.certificateCount());
  }

  @Test
  void aProofServesOnce(CaServer server) throws Exception {
    X509CertificateHolder current = issue(server, "once");
    String serial = current.getSerialNumber().toString(16);
    String request = sameKeyRequest("once");
    HolderProof proof = HolderProof.sign(directory, "RENEW", serial, "once-renewal", "once");
    assertNull(client(server).renewCertificate(serial, request, proof).faultString());

    RaSoapClient.Dual replayed = client(server).renewCertificate(serial, request, proof);

    assertEquals("RENEWAL_REFUSED", replayed.faultCode());
    assertTrue(replayed.faultString().contains("used already"), replayed.faultString());
  }

  @Test
  void aStaleProofIsRefused(CaServer server) throws Exception {
    X509CertificateHolder current = issue(server, "stale");
    String serial = current.getSerialNumber().toString(16);
    String request = sameKeyRequest("stale");
    HolderProof yesterday =
        HolderProof.sign(
            directory,
            "RENEW",
            serial,
            java.time.Instant.now().minus(java.time.Duration.ofMinutes(20)),
            "stale-renewal",
            "stale");

    RaSoapClient.Dual renewal = client(server).renewCertificate(serial, request, yesterday);

    assertEquals("RENEWAL_REFUSED", renewal.faultCode());
    assertTrue(renewal.faultString().contains("sign a new one"), renewal.faultString());
  }

  @Test
  void aProofForAnotherCertificateOrRequestIsRefused(CaServer server) throws Exception {
    X509CertificateHolder first = issue(server, "twice");
    X509CertificateHolder second = issue(server, "twice-b");
    String request = sameKeyRequest("twice");
    HolderProof forSecond =
        HolderProof.sign(
            directory, "RENEW", second.getSerialNumber().toString(16), "twice-renewal", "twice");

    RaSoapClient.Dual misdirected =
        client(server).renewCertificate(first.getSerialNumber().toString(16), request, forSecond);
    assertEquals("RENEWAL_REFUSED", misdirected.faultCode());
    assertTrue(misdirected.faultString().contains("names certificate"), misdirected.faultString());

    String serial = first.getSerialNumber().toString(16);
    HolderProof forRenewal = HolderProof.sign(directory, "RENEW", serial, "twice-renewal", "twice");
    RaSoapClient.Dual asRekey =
        client(server)
            .rekeyCertificate(serial, TestRequests.sm2(directory, "twice-new"), forRenewal);
    assertEquals("RENEWAL_REFUSED", asRekey.faultCode());
    assertTrue(asRekey.faultString().contains("made for RENEW"), asRekey.faultString());
  }

  /** A request from the key of {@code name}, as a holder makes for renewal. */
  private String sameKeyRequest(String name) throws Exception {
    return TestRequests.sm2ForExistingKey(directory, name, name + "-renewal");
  }

  private X509CertificateHolder issue(CaServer server, String name) throws Exception {
    RaSoapClient.Answer answer =
        client(server)
            .issueCertificate(
                "personal-sign",
                "CN=Renewal " + UUID.randomUUID().toString().substring(0, 8) + ",C=CN",
                TestRequests.sm2(directory, name));
    assertTrue(answer.issued(), answer.faultString());
    return new X509CertificateHolder(answer.certificate());
  }

  private static RaSoapClient client(CaServer server) throws Exception {
    return new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
  }
}
