package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation through {@code RaService} (CPS §6.1.4.8): the reason (A–J) and the initiator are
 * recorded with the status change and its audit event, and the OCSP responder answers the
 * revocation with its time and reason at once; refusals change nothing.
 */
@ExtendWith(DeployedEar.class)
class RevocationIT {

  @TempDir Path directory;

  @Test
  void revocationRecordsReasonInitiatorAndAuditEvent(CaServer server) throws Exception {
    X509CertificateHolder certificate = issue(server);
    BigInteger serial = certificate.getSerialNumber();
    RaSoapClient.Revocation revocation =
        client(server).revokeCertificate(serial.toString(16), "E", "HOLDER");
    assertNull(revocation.faultString(), revocation.faultString());
    Instant revokedAt = Instant.parse(revocation.revocationTime());
    assertTrue(revokedAt.isAfter(Instant.now().minusSeconds(120)));
    RelyingParty.Answer ocsp = RelyingParty.ocsp(certificate);
    assertEquals("revoked (keyCompromise)", ocsp.status());
    assertEquals(revokedAt.truncatedTo(ChronoUnit.SECONDS), ocsp.revocationTime());
    Records records = new Records(server);
    Records.StoredCertificate stored = records.certificate(certificate.getSerialNumber());
    assertEquals("E_KEY_COMPROMISE", stored.revocationReason());
    assertEquals("HOLDER", stored.revocationInitiator());
    assertEquals(
        1,
        records
            .audit("CERTIFICATE_REVOKED")
            .outcome("SUCCESS")
            .detailLike(
                "serial=" + serial.toString(16) + " %reason=E_KEY_COMPROMISE initiator=HOLDER")
            .count());
  }

  @Test
  void serialCanBeGivenAsOpenSslPrintsIt(CaServer server) throws Exception {
    BigInteger serial = issue(server).getSerialNumber();
    String colons = String.join(":", serial.toString(16).split("(?<=\\G..)"));
    RaSoapClient.Revocation revocation =
        client(server).revokeCertificate("0x" + colons.toUpperCase(), "G", "RA");
    assertNull(revocation.faultString(), revocation.faultString());
  }

  @Test
  void aCertificateIsRevokedOnlyOnce(CaServer server) throws Exception {
    X509CertificateHolder certificate = issue(server);
    BigInteger serial = certificate.getSerialNumber();
    assertNotNull(
        client(server).revokeCertificate(serial.toString(16), "H", "HOLDER").revocationTime());
    RaSoapClient.Revocation again =
        client(server).revokeCertificate(serial.toString(16), "E", "CA");
    assertEquals("INVALID_REVOCATION", again.faultCode());
    assertTrue(again.faultString().contains("already revoked"), again.faultString());
    // H, the holder's request, is the one reason published without a reason code
    assertEquals(
        "revoked (no reason code)",
        RelyingParty.status(certificate),
        "the first revocation stands");
  }

  @Test
  void unknownSerialIsRefused(CaServer server) throws Exception {
    RaSoapClient.Revocation answer = client(server).revokeCertificate("123456789abcdef", "E", "RA");
    assertEquals("UNKNOWN_CERTIFICATE", answer.faultCode());
    assertTrue(answer.faultString().contains("123456789abcdef"), answer.faultString());
  }

  @Test
  void unknownReasonOrInitiatorIsRefusedAndNothingChanges(CaServer server) throws Exception {
    X509CertificateHolder certificate = issue(server);
    BigInteger serial = certificate.getSerialNumber();
    RaSoapClient.Revocation badReason =
        client(server).revokeCertificate(serial.toString(16), "Z", "RA");
    assertEquals("INVALID_REVOCATION", badReason.faultCode());
    assertTrue(badReason.faultString().contains("6.1.4.8.1"), badReason.faultString());
    RaSoapClient.Revocation badInitiator =
        client(server).revokeCertificate(serial.toString(16), "E", "NEIGHBOUR");
    assertEquals("INVALID_REVOCATION", badInitiator.faultCode());
    assertTrue(badInitiator.faultString().contains("NEIGHBOUR"), badInitiator.faultString());
    assertEquals("good", RelyingParty.status(certificate));
  }

  @Test
  void revocationWithoutClientCertificateIsRefusedInTheTlsHandshake(CaServer server)
      throws Exception {
    X509CertificateHolder certificate = issue(server);
    BigInteger serial = certificate.getSerialNumber();
    Tls.refusedInHandshake(
        server,
        Tls.post(
            "/ws/RaService",
            "text/xml; charset=utf-8",
            "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:ra=\"http://egovca.org/ws/ra/v1\"><s:Body><ra:revokeCertificate>"
                + "<serialNumber>"
                + serial.toString(16)
                + "</serialNumber><reason>E</reason><initiator>HOLDER</initiator>"
                + "</ra:revokeCertificate></s:Body></s:Envelope>"));
    assertEquals("good", RelyingParty.status(certificate));
  }

  private X509CertificateHolder issue(CaServer server) throws Exception {
    String name = "Revocable " + UUID.randomUUID().toString().substring(0, 8);
    RaSoapClient.Answer answer =
        client(server)
            .issueCertificate(
                "personal-sign", "CN=" + name + ",C=CN", TestRequests.sm2(directory, "r"));
    assertTrue(answer.issued(), answer.faultString());
    return new X509CertificateHolder(answer.certificate());
  }

  private static RaSoapClient client(CaServer server) throws Exception {
    return new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
  }
}
