package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.it.console.Pki;
import org.egovca.it.console.Records;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote RAs act only within their scope (CPS 7.3.2): an RA revokes, renews and re-keys only the
 * certificates requested through its own account — never this system's own certificates, never
 * another RA's — and places certificates only into the application units a second security
 * administrator authorised it for. Every refusal is NOT_AUTHORIZED, audited as denied, and changes
 * nothing.
 */
@ExtendWith(DeployedEar.class)
class RaScopeIT {

  private static final String UNIT_A = "SCOPE-A";
  private static final String UNIT_B = "SCOPE-B";

  @TempDir static Path directory;

  private static RaSoapClient demoRa;
  private static RaSoapClient secondRa;

  /** A second RA, registered under dual control, that may issue for unit B only. */
  @BeforeAll
  static void aSecondRemoteRa(CaServer server) throws Exception {
    SecurityAdministrators admins = SecurityAdministrators.of(server);
    assertNull(admins.admin.createApplicationUnit(UNIT_A, "Scope unit A"));
    assertNull(admins.admin.createApplicationUnit(UNIT_B, "Scope unit B"));
    RaSoapClient.DualControlRequest registered =
        admins.approved(
            admin ->
                admin.registerRemoteRa(
                    "lra-scope", List.of(UNIT_B), TestRequests.rsa(directory, "lra-scope", 2048)));
    Path p12 = Pki.pkcs12(directory, "lra-scope", registered.result(), "changeit");
    SSLContext tls = Tls.client(server, p12, "changeit".toCharArray());
    secondRa = new RaSoapClient(tls, server.httpsBase());
    demoRa = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
  }

  @Test
  void anRaCannotRevokeThisSystemsOwnCertificates(CaServer server) throws Exception {
    String[][] own = {
      {"the HTTPS server certificate", "profile = 'tls-server'"},
      {"an OCSP responder certificate", "profile = 'ocsp-signer'"},
      {"a security administrator's login certificate", "subject_dn LIKE '%CN=admin,%'"},
      {"the RA's own credential", "subject_dn LIKE '%Demo Remote RA%'"},
    };
    for (String[] certificate : own) {
      String serial =
          Records.text(
              server,
              "SELECT serial_number FROM issued_certificate WHERE status = 'GOOD' AND "
                  + certificate[1]
                  + " ORDER BY id LIMIT 1");
      long mark = Records.auditMark(server);

      RaSoapClient.Revocation revocation = demoRa.revokeCertificate(serial, "E", "RA");

      assertEquals("NOT_AUTHORIZED", revocation.faultCode(), certificate[0]);
      assertTrue(
          revocation.faultString().contains("was not requested through the RA account demo-ra"),
          revocation.faultString());
      assertEquals(
          "GOOD",
          Records.text(
              server, "SELECT status FROM issued_certificate WHERE serial_number = ?", serial),
          certificate[0] + " was revoked");
      assertEquals(
          1,
          Records.auditSince(
                  server,
                  mark,
                  row ->
                      row.outcome().equals("DENIED")
                          && row.action().equals("CERTIFICATE_REVOKED")
                          && row.actor().equals("remote-ra:demo-ra"))
              .size(),
          certificate[0]);
    }
  }

  @Test
  void anRaCannotActOnAnotherRasCertificates(CaServer server) throws Exception {
    X509CertificateHolder demos = issue(demoRa, "others", null);
    String serial = demos.getSerialNumber().toString(16);

    RaSoapClient.Revocation revocation = secondRa.revokeCertificate(serial, "E", "RA");
    assertEquals("NOT_AUTHORIZED", revocation.faultCode(), revocation.faultString());
    RaSoapClient.Dual renewal =
        secondRa.renewCertificate(
            serial,
            TestRequests.sm2ForExistingKey(directory, "others", "others-renewal"),
            HolderProof.sign(directory, "RENEW", serial, "others-renewal", "others"));
    assertEquals("NOT_AUTHORIZED", renewal.faultCode(), renewal.faultString());
    RaSoapClient.Dual rekey =
        secondRa.rekeyCertificate(
            serial,
            TestRequests.sm2(directory, "others-new"),
            HolderProof.sign(directory, "REKEY", serial, "others-new", "others"));
    assertEquals("NOT_AUTHORIZED", rekey.faultCode(), rekey.faultString());
    assertEquals(
        "GOOD",
        Records.text(
            server, "SELECT status FROM issued_certificate WHERE serial_number = ?", serial));
    assertEquals(
        1,
        server.count(
            "SELECT COUNT(*) FROM issued_certificate WHERE subject_dn = (SELECT subject_dn FROM"
                + " issued_certificate WHERE serial_number = ?)",
            serial),
        "nothing was renewed or re-keyed");

    // each RA acts on its own certificates
    X509CertificateHolder seconds = issue(secondRa, "mine", UNIT_B);
    assertNull(
        secondRa.revokeCertificate(seconds.getSerialNumber().toString(16), "E", "RA").faultCode());
    assertNull(demoRa.revokeCertificate(serial, "E", "RA").faultCode());
  }

  @Test
  void anRaIssuesOnlyIntoTheUnitsItIsAuthorisedFor(CaServer server) throws Exception {
    long before = server.count("SELECT COUNT(*) FROM issued_certificate");

    RaSoapClient.Answer intoA =
        secondRa.issueCertificate(
            "personal-sign",
            "CN=Scope " + UUID.randomUUID().toString().substring(0, 8) + ",C=CN",
            TestRequests.sm2(directory, "unit-a"),
            UNIT_A,
            true);
    assertEquals("NOT_AUTHORIZED", intoA.faultCode());
    assertTrue(intoA.faultString().contains(UNIT_A), intoA.faultString());
    RaSoapClient.Answer demoIntoB =
        demoRa.issueCertificate(
            "personal-sign",
            "CN=Scope " + UUID.randomUUID().toString().substring(0, 8) + ",C=CN",
            TestRequests.sm2(directory, "unit-b"),
            UNIT_B,
            true);
    assertEquals("NOT_AUTHORIZED", demoIntoB.faultCode());
    assertEquals(before, server.count("SELECT COUNT(*) FROM issued_certificate"));

    X509CertificateHolder intoB = issue(secondRa, "unit-b-ok", UNIT_B);
    assertEquals(
        UNIT_B,
        Records.text(
            server,
            "SELECT u.code FROM issued_certificate c JOIN application_unit u"
                + " ON u.id = c.application_unit_id WHERE c.serial_number = ?",
            intoB.getSerialNumber().toString(16)));
  }

  @Test
  void anRasUnitsChangeOnlyUnderDualControl(CaServer server) throws Exception {
    SecurityAdministrators admins = SecurityAdministrators.of(server);
    RaSoapClient.DualControlRequest asked =
        admins.admin.changeRemoteRaUnits("lra-scope", List.of(UNIT_A, UNIT_B));
    assertEquals("PENDING", asked.state(), asked.faultString());
    assertTrue(admins.admin2.waitingRequests().contains(asked.id()));

    RaSoapClient.DualControlRequest alone = admins.admin.approveRequest(asked.id(), null);
    assertEquals("NOT_AUTHORIZED", alone.faultCode());
    RaSoapClient.DualControlRequest byRa =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase(), "CaAdminService")
            .approveRequest(asked.id(), null);
    assertEquals("NOT_AUTHORIZED", byRa.faultCode());
    RaSoapClient.DualControlRequest rejected =
        admins.admin2.rejectRequest(asked.id(), "not agreed");
    assertEquals("REJECTED", rejected.state(), rejected.faultString());
    assertEquals("MALFORMED_REQUEST", admins.admin2.approveRequest(asked.id(), null).faultCode());
    assertEquals(
        1,
        server.count(
            "SELECT COUNT(*) FROM client_account_unit cu JOIN client_account a"
                + " ON a.id = cu.client_account_id WHERE a.name = 'lra-scope'"),
        "the rejected change was not made");
    assertEquals(
        1,
        server.count(
            "SELECT COUNT(*) FROM audit_event WHERE action = 'DUAL_CONTROL_REJECTED'"
                + " AND actor = 'operator:admin2' AND target = ?",
            "request:" + asked.id()));
  }

  /**
   * A renewal or re-key stays in the unit of the certificate it replaces: an RA no longer
   * authorised for that unit cannot renew into it (it may still revoke).
   */
  @Test
  void anRaThatLostAUnitNoLongerRenewsItsCertificates(CaServer server) throws Exception {
    X509CertificateHolder inB = issue(secondRa, "lost-unit", UNIT_B);
    String serial = inB.getSerialNumber().toString(16);
    SecurityAdministrators admins = SecurityAdministrators.of(server);
    admins.approved(admin -> admin.changeRemoteRaUnits("lra-scope", List.of(UNIT_A)));
    try {
      RaSoapClient.Dual renewal =
          secondRa.renewCertificate(
              serial,
              TestRequests.sm2ForExistingKey(directory, "lost-unit", "lost-unit-renewal"),
              HolderProof.sign(directory, "RENEW", serial, "lost-unit-renewal", "lost-unit"));
      assertEquals("NOT_AUTHORIZED", renewal.faultCode(), renewal.faultString());
      assertTrue(renewal.faultString().contains(UNIT_B), renewal.faultString());
      assertNull(secondRa.revokeCertificate(serial, "E", "RA").faultCode());
    } finally {
      admins.approved(admin -> admin.changeRemoteRaUnits("lra-scope", List.of(UNIT_B)));
    }
  }

  /**
   * An RA cannot have a certificate made for the CA's own host: the RSA CA that would issue it is
   * the anchor the CA's callers trust for its HTTPS.
   */
  @Test
  void anRaCannotHaveACertificateForTheCasOwnHost(CaServer server) throws Exception {
    for (String name : List.of("DNS:localhost", "IP:127.0.0.1")) {
      RaSoapClient.Answer answer =
          demoRa.issueCertificate(
              "device-ssl-sign",
              "CN=Scope " + UUID.randomUUID().toString().substring(0, 8) + ",O=Bureau,C=CN",
              TestRequests.sm2(directory, "own-host"),
              java.util.Map.of(),
              List.of(name));
      assertEquals("INVALID_SUBJECT", answer.faultCode(), name);
      assertTrue(answer.faultString().contains("this CA's own host"), answer.faultString());
    }
  }

  private X509CertificateHolder issue(RaSoapClient ra, String key, String unit) throws Exception {
    RaSoapClient.Answer answer =
        ra.issueCertificate(
            "personal-sign",
            "CN=Scope " + UUID.randomUUID().toString().substring(0, 8) + ",C=CN",
            TestRequests.sm2(directory, key),
            unit,
            true);
    assertFalse(answer.faultCode() != null, answer.faultString());
    return new X509CertificateHolder(answer.certificate());
  }
}
