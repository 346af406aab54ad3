package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Base64;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code RaService}: each request is refused with a SOAP fault whose message names the
 * problem, no certificate and no successful-issuance audit event is written, and the refusal itself
 * is on the audit log (CPS §6.5.1.4 records failed and denied operations).
 */
@ExtendWith(DeployedEar.class)
class RemoteRaRefusalIT {

  private static final String SUBJECT = "CN=Refused Applicant,O=测试单位,C=CN";

  @TempDir Path directory;

  private Records records;
  private long certificatesBefore;
  private long issuancesBefore;
  private long refusalsBefore;

  @BeforeEach
  void countRows(CaServer server) throws Exception {
    records = new Records(server);
    certificatesBefore = records.certificateCount();
    issuancesBefore = issuancesAudited();
    refusalsBefore = refusals().count();
  }

  /**
   * Successful issuances on record. Only these: the shared server records other successes of its
   * own meanwhile (a CRL a revocation of an earlier test class scheduled, a renewed signer).
   */
  private long issuancesAudited() throws Exception {
    return records
        .audit("CERTIFICATE_ISSUED", "CERTIFICATE_RENEWED", "CERTIFICATE_REKEYED")
        .outcome("SUCCESS")
        .count();
  }

  private Records.AuditEvents refusals() {
    return records.audit().outcome("FAILURE", "DENIED");
  }

  @Test
  void malformedPkcs10IsRefused(CaServer server) throws Exception {
    RaSoapClient.Answer answer =
        client(server).issueCertificate("personal-sign", SUBJECT, "this is not a request");
    refused(answer, "MALFORMED_REQUEST", "pkcs10");
  }

  @Test
  void requestWhoseSignatureDoesNotVerifyIsRefused(CaServer server) throws Exception {
    String csr = TestRequests.sm2(directory, "tampered");
    byte[] der;
    try (PemReader reader = new PemReader(new java.io.StringReader(csr))) {
      der = reader.readPemObject().getContent();
    }
    der[der.length - 5] ^= 0x01; // inside the signature value
    RaSoapClient.Answer answer =
        client(server)
            .issueCertificate("personal-sign", SUBJECT, Base64.getEncoder().encodeToString(der));
    refused(answer, "PROOF_OF_POSSESSION_FAILED", "proof of possession");
  }

  @Test
  void sm2RequestSignedWithTheEmptyUserIdIsRefused(CaServer server) throws Exception {
    RaSoapClient.Answer answer =
        client(server)
            .issueCertificate(
                "personal-sign", SUBJECT, TestRequests.sm2WithEmptyUserId(directory, "emptyid"));
    refused(answer, "PROOF_OF_POSSESSION_FAILED", "1234567812345678");
  }

  @Test
  void unsupportedKeyIsRefused(CaServer server) throws Exception {
    RaSoapClient.Answer answer =
        client(server)
            .issueCertificate("personal-sign", SUBJECT, TestRequests.ecP256(directory, "p256"));
    refused(answer, "UNSUPPORTED_KEY", "is not accepted by profile personal-sign");
    assertTrue(answer.faultString().contains("SM2"), answer.faultString());
  }

  @Test
  void rsaKeyOfAnUnsupportedSizeIsRefused(CaServer server) throws Exception {
    RaSoapClient.Answer answer =
        client(server)
            .issueCertificate("personal-sign", SUBJECT, TestRequests.rsa(directory, "rsa1k", 1024));
    refused(answer, "UNSUPPORTED_KEY", "RSA 1024-bit key");
  }

  @Test
  void subjectDnWithoutCnIsRefused(CaServer server) throws Exception {
    RaSoapClient.Answer answer =
        client(server)
            .issueCertificate("personal-sign", "O=测试单位,C=CN", TestRequests.sm2(directory, "nocn"));
    refused(answer, "INVALID_SUBJECT", "has no CN");
  }

  @Test
  void unknownProfileIsRefused(CaServer server) throws Exception {
    RaSoapClient.Answer answer =
        client(server)
            .issueCertificate("no-such-profile", SUBJECT, TestRequests.sm2(directory, "profile"));
    refused(answer, "UNKNOWN_PROFILE", "no-such-profile");
  }

  @Test
  void serviceProfilesAreNotOfferedToRemoteRas(CaServer server) throws Exception {
    RaSoapClient.Answer answer =
        client(server)
            .issueCertificate("tls-client", SUBJECT, TestRequests.rsa(directory, "t", 2048));
    refused(answer, "UNKNOWN_PROFILE", "tls-client");
  }

  /**
   * Without a client certificate the TLS handshake fails: the request never reaches the SOAP stack
   * (nor its XML parser), so nothing is written and there is nothing for the CA to audit.
   */
  @Test
  void callWithoutClientCertificateIsRefusedInTheTlsHandshake(CaServer server) throws Exception {
    String envelope =
        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:ra=\"http://egovca.org/ws/ra/v1\"><s:Body><ra:issueCertificate>"
            + "<profile>personal-sign</profile><subjectDn>"
            + SUBJECT
            + "</subjectDn><pkcs10>"
            + TestRequests.sm2(directory, "anon")
            + "</pkcs10></ra:issueCertificate></s:Body></s:Envelope>";
    Tls.refusedInHandshake(server, Tls.post("/ws/RaService", "text/xml; charset=utf-8", envelope));
    assertEquals(certificatesBefore, records.certificateCount());
    assertEquals(refusalsBefore, refusals().count(), "the application never saw the call");
  }

  private static RaSoapClient client(CaServer server) throws Exception {
    return new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
  }

  private void refused(RaSoapClient.Answer answer, String code, String message) throws Exception {
    assertFalse(answer.issued(), "a certificate was issued");
    assertEquals(500, answer.httpStatus(), "a SOAP fault travels with HTTP 500");
    assertEquals(code, answer.faultCode(), answer.faultString());
    assertTrue(
        answer.faultString().contains(message),
        () -> "fault '" + answer.faultString() + "' does not mention '" + message + "'");
    assertEquals(
        certificatesBefore, records.certificateCount(), "no certificate row may be written");
    assertEquals(
        issuancesBefore, issuancesAudited(), "no successful-issuance audit event may be written");
    assertEquals(refusalsBefore + 1, refusals().count(), "the refusal is audited once");
    assertTrue(
        refusals().detail(answer.faultString()).count() > 0,
        "the audit event records the message the caller got");
  }
}
