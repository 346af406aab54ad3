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
import java.util.Base64;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online renewal (CPS §6.1.4.6) and re-key (§6.1.4.7) through {@code RaService}: requests signed
 * with the current private key (made by OpenSSL), the signing/encryption pair kept consistent, and
 * refusals for the wrong key, a revoked certificate or a missing current-key signature. The test
 * server allows renewal 400 days before expiry; the 90-day default is proven by unit tests.
 */
@ExtendWith(DeployedEar.class)
class RenewalIT {

  private static final String SM2_ID = "distid:1234567812345678";

  @TempDir Path directory;

  @Test
  void renewalKeepsKeyAndSubjectAndGivesANewCertificate(CaServer server) throws Exception {
    X509CertificateHolder current = issue(server, "renew");
    String renewalRequest = sameKeyRequest("renew");
    RaSoapClient.Dual renewal =
        client(server).renewCertificate(current.getSerialNumber().toString(16), renewalRequest);
    assertNull(renewal.faultString(), renewal.faultString());
    X509CertificateHolder renewed = new X509CertificateHolder(renewal.signatureCertificate());
    assertNotEquals(current.getSerialNumber(), renewed.getSerialNumber());
    assertArrayEquals(current.getSubject().getEncoded(), renewed.getSubject().getEncoded());
    assertEquals(current.getSubjectPublicKeyInfo(), renewed.getSubjectPublicKeyInfo());
    assertFalse(renewed.getNotAfter().before(current.getNotAfter()));
    assertNull(renewal.encryptionCertificate(), "a single certificate renews alone");
    assertEquals(
        1,
        server.count(
            "SELECT COUNT(*) FROM audit_event WHERE action = 'CERTIFICATE_RENEWED'"
                + " AND outcome = 'SUCCESS' AND detail LIKE ?",
            "serial="
                + renewed.getSerialNumber().toString(16)
                + " replaces="
                + current.getSerialNumber().toString(16)
                + " %"));
  }

  @Test
  void renewalRequestForAnotherKeyIsRefused(CaServer server) throws Exception {
    X509CertificateHolder current = issue(server, "owner");
    String otherKeyRequest = TestRequests.sm2(directory, "intruder");
    long before = server.count("SELECT COUNT(*) FROM certificate");
    RaSoapClient.Dual renewal =
        client(server).renewCertificate(current.getSerialNumber().toString(16), otherKeyRequest);
    assertEquals("RENEWAL_REFUSED", renewal.faultCode());
    assertTrue(renewal.faultString().contains("keeps the key"), renewal.faultString());
    assertEquals(before, server.count("SELECT COUNT(*) FROM certificate"));
  }

  @Test
  void revokedCertificateIsNotRenewed(CaServer server) throws Exception {
    X509CertificateHolder current = issue(server, "revoked");
    String serial = current.getSerialNumber().toString(16);
    assertNull(client(server).revokeCertificate(serial, "G", "RA").faultString());
    RaSoapClient.Dual renewal = client(server).renewCertificate(serial, sameKeyRequest("revoked"));
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
    String signature = signWithCurrentKey("old", "new");
    RaSoapClient.Dual rekey =
        client(server)
            .rekeyCertificate(current.getSerialNumber().toString(16), newRequest, signature);
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
        1,
        server.count(
            "SELECT COUNT(*) FROM certificate s JOIN certificate e ON s.paired_certificate_id = e.id"
                + " WHERE s.serial_number = ? AND e.serial_number = ?",
            rekeyed.getSerialNumber().toString(16),
            newEncryption.getSerialNumber().toString(16)));
  }

  @Test
  void rekeyNotSignedWithTheCurrentKeyIsRefused(CaServer server) throws Exception {
    X509CertificateHolder current = issue(server, "victim");
    String newRequest = TestRequests.sm2(directory, "fresh");
    TestRequests.sm2(directory, "stranger");
    RaSoapClient.Dual rekey =
        client(server)
            .rekeyCertificate(
                current.getSerialNumber().toString(16),
                newRequest,
                signWithCurrentKey("stranger", "fresh"));
    assertEquals("PROOF_OF_POSSESSION_FAILED", rekey.faultCode());
    assertTrue(rekey.faultString().contains("re-key request is not signed"), rekey.faultString());
  }

  /** A request from the key of {@code name}, as a holder makes for renewal. */
  private String sameKeyRequest(String name) throws Exception {
    return TestRequests.sm2ForExistingKey(directory, name, name + "-renewal");
  }

  /** Signs the DER of {@code request}'s CSR with the key of {@code signer} (OpenSSL). */
  private String signWithCurrentKey(String signer, String request) throws Exception {
    Commands.ok(
        directory,
        "openssl",
        "req",
        "-in",
        request + ".csr",
        "-outform",
        "DER",
        "-out",
        request + ".csr.der");
    Commands.ok(
        directory,
        "openssl",
        "pkeyutl",
        "-sign",
        "-inkey",
        signer + ".key",
        "-rawin",
        "-digest",
        "sm3",
        "-pkeyopt",
        SM2_ID,
        "-in",
        request + ".csr.der",
        "-out",
        request + ".sig");
    return Base64.getEncoder()
        .encodeToString(Files.readAllBytes(directory.resolve(request + ".sig")));
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
    return new RaSoapClient(Tls.raClient(server), server.httpsBase());
  }
}
