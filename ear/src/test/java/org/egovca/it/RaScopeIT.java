package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.it.console.Pki;
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
    X509CertificateHolder raCredential =
        fromPkcs12(
            server.remoteRaP12(),
            Files.readString(server.remoteRaPassword()).strip().toCharArray());
    Map<String, X509CertificateHolder> own = new LinkedHashMap<>();
    own.put("the HTTPS server certificate", httpsServerCertificate(server));
    own.put("an OCSP responder certificate", RelyingParty.ocsp(raCredential).responder());
    own.put(
        "a security administrator's login certificate",
        fromPkcs12(server.operatorP12("admin"), server.operatorP12Password("admin")));
    own.put("the RA's own credential", raCredential);
    Records records = new Records(server);
    for (Map.Entry<String, X509CertificateHolder> certificate : own.entrySet()) {
      String serial = certificate.getValue().getSerialNumber().toString(16);
      long mark = records.auditMark();

      RaSoapClient.Revocation revocation = demoRa.revokeCertificate(serial, "E", "RA");

      assertEquals("NOT_AUTHORIZED", revocation.faultCode(), certificate.getKey());
      assertTrue(
          revocation.faultString().contains("was not requested through the RA account demo-ra"),
          revocation.faultString());
      assertEquals(
          "good",
          RelyingParty.status(certificate.getValue()),
          certificate.getKey() + " was revoked");
      assertEquals(
          1,
          records
              .auditSince(
                  mark,
                  row ->
                      row.outcome().equals("DENIED")
                          && row.action().equals("CERTIFICATE_REVOKED")
                          && row.actor().equals("remote-ra:demo-ra"))
              .size(),
          certificate.getKey());
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
    assertEquals("good", RelyingParty.status(demos));
    assertEquals(
        1,
        new Records(server).certificatesWithTheSubjectOf(demos.getSerialNumber()),
        "nothing was renewed or re-keyed");

    // each RA acts on its own certificates
    X509CertificateHolder seconds = issue(secondRa, "mine", UNIT_B);
    assertNull(
        secondRa.revokeCertificate(seconds.getSerialNumber().toString(16), "E", "RA").faultCode());
    assertNull(demoRa.revokeCertificate(serial, "E", "RA").faultCode());
  }

  @Test
  void anRaIssuesOnlyIntoTheUnitsItIsAuthorisedFor(CaServer server) throws Exception {
    Records records = new Records(server);
    long before = records.certificateCount();

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
    assertEquals(before, records.certificateCount());

    X509CertificateHolder intoB = issue(secondRa, "unit-b-ok", UNIT_B);
    assertEquals(UNIT_B, records.certificate(intoB.getSerialNumber()).applicationUnit());
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
        new Records(server).remoteRaUnits("lra-scope").size(),
        "the rejected change was not made");
    assertEquals(
        1,
        new Records(server)
            .audit("DUAL_CONTROL_REJECTED")
            .actor("operator:admin2")
            .target("request:" + asked.id())
            .count());
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

  /** The certificate the HTTPS listener presents. */
  private static X509CertificateHolder httpsServerCertificate(CaServer server) throws Exception {
    HttpResponse<Void> response =
        HttpClient.newBuilder()
            .sslContext(Tls.remoteRa(server))
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(server.httpsBase() + "/pki/health")).build(),
                HttpResponse.BodyHandlers.discarding());
    return new X509CertificateHolder(
        response.sslSession().orElseThrow().getPeerCertificates()[0].getEncoded());
  }

  /** The certificate of the key in the PKCS#12 credential {@code p12}. */
  private static X509CertificateHolder fromPkcs12(Path p12, char[] password) throws Exception {
    KeyStore credential = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      credential.load(in, password);
    }
    for (String alias : Collections.list(credential.aliases())) {
      if (credential.isKeyEntry(alias)) {
        return new X509CertificateHolder(credential.getCertificate(alias).getEncoded());
      }
    }
    throw new AssertionError(p12 + " holds no key");
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
