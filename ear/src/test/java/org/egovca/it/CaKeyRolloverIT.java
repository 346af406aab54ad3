package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CA key rollover through the deployed EAR (R12, CPS §6.5.1.6, §7.5.1.2 item 2): two security
 * administrators decide to roll the root and then the issuing CA over, and three key custodians
 * (the embedded default's demo custodians, with their PINs from the data directory) carry each
 * rollover out in a ceremony ({@code egovca ceremony rollover <request>}); new certificates come
 * from the new keys, chains through every link certificate validate, and each key keeps signing the
 * CRL and the OCSP answers for the certificates it issued. It changes the CA keys, so it runs on a
 * CA of its own (its own instance directory, ports and embedded database and directory), not on the
 * server the other tests share, and the suite's classes may run in any order.
 */
class CaKeyRolloverIT {

  /** Ports of its own: above the shared server's and the failed-start probe's. */
  private static final int PORT_OFFSET = 600;

  private static final String SM2_USER_ID = "distid:1234567812345678";

  @TempDir Path directory;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void rootAndIssuingCaRollOverAndEveryKeyAnswersForWhatItIssued() throws Exception {
    Security.addProvider(new BouncyCastleProvider());
    int portBase = Integer.getInteger("egovca.it.portBase", 20000) + PORT_OFFSET;
    EarLauncher launcher =
        new EarLauncher(
            Path.of(System.getProperty("egovca.it.home", "target/it") + "-rollover"),
            portBase,
            portBase + 389,
            Map.of("EGOVCA_CRL_PUBLISH_DELAY", "1"));
    try {
      rollOver(launcher, launcher.start());
    } finally {
      launcher.stop();
    }
  }

  private void rollOver(EarLauncher launcher, CaServer server) throws Exception {
    List<X509Certificate> before = PkiHttpIT.parse(Files.readAllBytes(server.caChainPem()));
    X509CertificateHolder oldIssuing = holder(before.get(0));
    X509CertificateHolder oldRoot = holder(before.get(1));
    RaSoapClient ra = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    byte[] issuedBefore = issue(ra, "Before");

    RaSoapClient.DualControlRequest byRa =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase(), "CaAdminService")
            .rollOverCaKey("iFutureCA");
    assertEquals("NOT_AUTHORIZED", byRa.faultCode());
    assertTrue(byRa.faultString().contains("not the login certificate"), byRa.faultString());

    // One security administrator alone cannot touch a CA key: asking records a request, and
    // nobody approves their own (CPS 7.5.1.2, one operates, one supervises).
    SecurityAdministrators admins = SecurityAdministrators.of(server);
    RaSoapClient.DualControlRequest asked = admins.admin.rollOverCaKey("iFutureCA-Root");
    assertEquals("PENDING", asked.state(), () -> "refused: " + asked.faultString());
    RaSoapClient.DualControlRequest alone = admins.admin.approveRequest(asked.id(), null);
    assertEquals("NOT_AUTHORIZED", alone.faultCode());
    assertTrue(alone.faultString().contains("cannot also decide it"), alone.faultString());
    // nor do two administrators: their approval makes no key, three key custodians carry it out
    RaSoapClient.DualControlRequest approved = admins.admin2.approveRequest(asked.id(), "ceremony");
    assertEquals("APPROVED", approved.state(), () -> "refused: " + approved.faultString());
    assertEquals(null, approved.result());
    Commands.Result two = launcher.ceremony("rollover", custodians(server, 1, 2), id(asked));
    assertFalse(two.exitCode() == 0, two.output());
    // relying parties still download the root's first key as its current certificate
    assertArrayEquals(
        oldRoot.getEncoded(),
        PkiHttpIT.parse(get(server, "/pki/ca/iFutureCA-Root.pem")).get(0).getEncoded());
    Rollover root = carriedOut(launcher, server, admins, asked);
    Commands.Result again = launcher.ceremony("rollover", custodians(server, 3, 4, 5), id(asked));
    assertTrue(again.output().contains("WRONG_STATE"), again.output());
    Rollover issuing =
        carriedOut(
            launcher, server, admins, admins.approved(admin -> admin.rollOverCaKey("iFutureCA")));
    assertEquals("CA_UNAVAILABLE", admins.admin.rollOverCaKey("no-such-ca").faultCode());
    // the issuing CA's current key is its key 2, the one the rollover certified
    assertArrayEquals(issuing.newWithNew(), get(server, "/pki/ca/iFutureCA/2.crt"));
    assertArrayEquals(
        issuing.newWithNew(),
        PkiHttpIT.parse(get(server, "/pki/ca/iFutureCA.pem")).get(0).getEncoded());

    X509CertificateHolder newRoot = new X509CertificateHolder(root.newWithNew());
    X509CertificateHolder newIssuing = new X509CertificateHolder(issuing.newWithNew());
    // The new issuing CA key is certified by the new root key.
    assertArrayEquals(ski(newRoot), aki(newIssuing));

    byte[] issuedAfter = issue(ra, "After");
    X509CertificateHolder after = new X509CertificateHolder(issuedAfter);
    assertArrayEquals(ski(newIssuing), aki(after), "new certificates come from the new key");
    assertTrue(
        crlDistributionPoint(after).endsWith("/pki/crl/iFutureCA/2.crl"),
        crlDistributionPoint(after));

    // Chains through every link, for relying parties trusting either root key.
    byte[] rootNewWithOld = root.newWithOld();
    byte[] rootOldWithNew = root.oldWithNew();
    validates(newRoot.getEncoded(), issuedAfter, newIssuing.getEncoded());
    validates(newRoot.getEncoded(), issuedBefore, issuing.oldWithNew(), newIssuing.getEncoded());
    validates(oldRoot.getEncoded(), issuedAfter, issuing.newWithOld(), oldIssuing.getEncoded());
    validates(oldRoot.getEncoded(), issuedAfter, newIssuing.getEncoded(), rootNewWithOld);
    validates(newRoot.getEncoded(), issuedBefore, oldIssuing.getEncoded(), rootOldWithNew);
    verifiesWithOpenSsl(newRoot.getEncoded(), rootOldWithNew);
    verifiesWithOpenSsl(oldRoot.getEncoded(), rootNewWithOld);
    verifiesWithOpenSsl(newRoot.getEncoded(), newIssuing.getEncoded());
    verifiesWithOpenSsl(newIssuing.getEncoded(), issuedAfter);
    verifiesWithOpenSsl(newIssuing.getEncoded(), issuing.oldWithNew());
    verifiesWithOpenSsl(oldIssuing.getEncoded(), issuing.newWithOld());

    // Each key keeps signing the CRL and the OCSP answers for what it issued.
    BigInteger beforeSerial = new X509CertificateHolder(issuedBefore).getSerialNumber();
    BigInteger afterSerial = after.getSerialNumber();
    assertTrue(ra.revokeCertificate(beforeSerial.toString(16), "E", "HOLDER").faultCode() == null);
    assertTrue(ra.revokeCertificate(afterSerial.toString(16), "E", "HOLDER").faultCode() == null);
    X509CRLHolder oldKeyCrl = crlListing(server, "/pki/crl/iFutureCA.crl", beforeSerial);
    X509CRLHolder newKeyCrl = crlListing(server, "/pki/crl/iFutureCA/2.crl", afterSerial);
    assertSignedBy(oldKeyCrl, oldIssuing);
    assertSignedBy(newKeyCrl, newIssuing);
    // Each CRL says which certificates it covers: those with its distribution point.
    assertTrue(scope(oldKeyCrl).endsWith("/pki/crl/iFutureCA.crl"), scope(oldKeyCrl));
    assertTrue(scope(newKeyCrl).endsWith("/pki/crl/iFutureCA/2.crl"), scope(newKeyCrl));
    assertEquals(null, oldKeyCrl.getRevokedCertificate(afterSerial));
    assertEquals(null, newKeyCrl.getRevokedCertificate(beforeSerial));
    // The old key signs for itself; the new key has its own delegated responder. The responder
    // answers a CertID of a key only for the certificates that key issued (see below): so the
    // certificate issued after the rollover is recorded as issued by key 2.
    assertEquals(oldIssuing, assertRevokedByOcsp(server, oldIssuing, beforeSerial));
    assertFalse(newIssuing.equals(assertRevokedByOcsp(server, newIssuing, afterSerial)));
    // The new keys certify sync signers of their own, so sync messages never wait for one.
    Records records = new Records(server);
    for (String caName : List.of("iFutureCA-Root", "iFutureCA")) {
      assertEquals(
          1,
          records.syncSignersCertifiedBy(caName, 2),
          "a sync signer certified by the new key of " + caName);
    }
    // A CertID naming the old key with a serial only the new key issued is unknown to that key.
    assertTrue(
        ocsp(server, oldIssuing, afterSerial).getResponses()[0].getCertStatus()
            instanceof org.bouncycastle.cert.ocsp.UnknownStatus);

    // Relying parties download the new certificates; the RSA CA's chain still names the old root
    // key that certified it.
    // caIssuers of each certificate leads to the key that signed it.
    assertTrue(caIssuers(after).endsWith("/pki/ca/iFutureCA/2.crt"), caIssuers(after));
    assertArrayEquals(newIssuing.getEncoded(), get(server, "/pki/ca/iFutureCA/2.crt"));
    assertArrayEquals(oldIssuing.getEncoded(), get(server, "/pki/ca/iFutureCA.crt"));
    assertArrayEquals(
        newIssuing.getEncoded(),
        PkiHttpIT.parse(get(server, "/pki/ca/iFutureCA.pem")).get(0).getEncoded());
    List<X509Certificate> links = PkiHttpIT.parse(get(server, "/pki/ca/iFutureCA/links.pem"));
    assertArrayEquals(issuing.newWithOld(), links.get(0).getEncoded());
    assertArrayEquals(issuing.oldWithNew(), links.get(1).getEncoded());
    List<X509Certificate> rsaChain =
        PkiHttpIT.parse(get(server, "/pki/ca/iFutureCA-RSA/chain.pem"));
    assertArrayEquals(oldRoot.getEncoded(), rsaChain.get(1).getEncoded());
    assertEquals(2, records.retiredCaKeys());
    assertEquals(2, records.audit("CA_KEY_ROLLED_OVER").outcome("SUCCESS").count());
  }

  private byte[] issue(RaSoapClient ra, String when) throws Exception {
    String name = when + " Rollover " + UUID.randomUUID().toString().substring(0, 8);
    RaSoapClient.Answer answer =
        ra.issueCertificate(
            "personal-sign", "CN=" + name + ",C=CN", TestRequests.sm2(directory, when));
    assertTrue(answer.issued(), () -> "refused: " + answer.faultString());
    return answer.certificate();
  }

  /** PKIX (BouncyCastle): {@code path} from the target certificate up to below the anchor. */
  private static void validates(byte[] anchor, byte[]... path) throws Exception {
    List<X509Certificate> certificates = new ArrayList<>();
    for (byte[] certificate : path) {
      certificates.add(PkiHttpIT.parse(certificate).get(0));
    }
    CertPath certPath =
        CertificateFactory.getInstance("X.509", "BC").generateCertPath(certificates);
    PKIXParameters parameters =
        new PKIXParameters(Set.of(new TrustAnchor(PkiHttpIT.parse(anchor).get(0), null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX", "BC").validate(certPath, parameters);
  }

  private void verifiesWithOpenSsl(byte[] issuer, byte[] certificate) throws Exception {
    Files.writeString(directory.resolve("issuer.pem"), OpenSslSm2.pem(issuer));
    Files.writeString(directory.resolve("link.pem"), OpenSslSm2.pem(certificate));
    String output =
        Commands.ok(
            directory,
            "openssl",
            "verify",
            "-vfyopt",
            SM2_USER_ID,
            "-partial_chain",
            "-CAfile",
            "issuer.pem",
            "link.pem");
    assertTrue(output.contains("link.pem: OK"), output);
  }

  /** The CRL at {@code path} once it lists {@code serial} (CRLs follow revocations shortly). */
  private X509CRLHolder crlListing(CaServer server, String path, BigInteger serial)
      throws Exception {
    for (int attempt = 0; attempt < 60; attempt++) {
      X509CRLHolder crl = new X509CRLHolder(get(server, path));
      if (crl.getRevokedCertificate(serial) != null) {
        return crl;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(path + " never listed " + serial.toString(16));
  }

  private void assertSignedBy(X509CRLHolder crl, X509CertificateHolder key) throws Exception {
    assertArrayEquals(
        ski(key),
        AuthorityKeyIdentifier.fromExtensions(crl.getExtensions()).getKeyIdentifier(),
        "the CRL names the key that signed it");
    CertificateList list = CertificateList.getInstance(crl.getEncoded());
    OpenSslSm2.assertSignatureVerifies(
        directory, list.getTBSCertList().getEncoded(), list.getSignature().getOctets(), key);
  }

  /** The certificate that signed the answer: the CA's, or its delegated responder's. */
  private X509CertificateHolder assertRevokedByOcsp(
      CaServer server, X509CertificateHolder issuer, BigInteger serial) throws Exception {
    BasicOCSPResp basic = ocsp(server, issuer, serial);
    assertTrue(basic.getResponses()[0].getCertStatus() instanceof RevokedStatus);
    return OcspSignatures.assertSignedFor(directory, basic, issuer);
  }

  private BasicOCSPResp ocsp(CaServer server, X509CertificateHolder issuer, BigInteger serial)
      throws Exception {
    byte[] request =
        new OCSPReqBuilder()
            .addRequest(
                new CertificateID(
                    new JcaDigestCalculatorProviderBuilder()
                        .setProvider("BC")
                        .build()
                        .get(CertificateID.HASH_SHA1),
                    issuer,
                    serial))
            .build()
            .getEncoded();
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/ocsp"))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    OCSPResp ocsp = new OCSPResp(response.body());
    assertEquals(OCSPResp.SUCCESSFUL, ocsp.getStatus());
    return (BasicOCSPResp) ocsp.getResponseObject();
  }

  private byte[] get(CaServer server, String path) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.httpBase() + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), path);
    return response.body();
  }

  private static String crlDistributionPoint(X509CertificateHolder certificate) {
    CRLDistPoint points = CRLDistPoint.fromExtensions(certificate.getExtensions());
    GeneralName name =
        org.bouncycastle.asn1.x509.GeneralNames.getInstance(
                points.getDistributionPoints()[0].getDistributionPoint().getName())
            .getNames()[0];
    return name.getName().toString();
  }

  private static String scope(X509CRLHolder crl) {
    org.bouncycastle.asn1.x509.Extension idp =
        crl.getExtension(org.bouncycastle.asn1.x509.Extension.issuingDistributionPoint);
    assertTrue(idp.isCritical());
    return org.bouncycastle.asn1.x509.GeneralNames.getInstance(
            org.bouncycastle.asn1.x509.IssuingDistributionPoint.getInstance(idp.getParsedValue())
                .getDistributionPoint()
                .getName())
        .getNames()[0]
        .getName()
        .toString();
  }

  private static String caIssuers(X509CertificateHolder certificate) {
    for (org.bouncycastle.asn1.x509.AccessDescription access :
        org.bouncycastle.asn1.x509.AuthorityInformationAccess.fromExtensions(
                certificate.getExtensions())
            .getAccessDescriptions()) {
      if (access
          .getAccessMethod()
          .equals(org.bouncycastle.asn1.x509.AccessDescription.id_ad_caIssuers)) {
        return access.getAccessLocation().getName().toString();
      }
    }
    return "";
  }

  private static X509CertificateHolder holder(X509Certificate certificate) throws Exception {
    return new X509CertificateHolder(certificate.getEncoded());
  }

  private static byte[] ski(X509CertificateHolder certificate) {
    return SubjectKeyIdentifier.fromExtensions(certificate.getExtensions()).getKeyIdentifier();
  }

  private static byte[] aki(X509CertificateHolder certificate) {
    return AuthorityKeyIdentifier.fromExtensions(certificate.getExtensions()).getKeyIdentifier();
  }

  /** The three certificates of an approved rollover, from the request's result (PEM, in order). */
  /**
   * Three demo custodians carry out the approved rollover {@code request} in a ceremony; the
   * certificates it made are the request's result.
   */
  private static Rollover carriedOut(
      EarLauncher launcher,
      CaServer server,
      SecurityAdministrators admins,
      RaSoapClient.DualControlRequest request)
      throws Exception {
    Commands.Result ceremony =
        launcher.ceremony("rollover", custodians(server, 1, 2, 3), id(request));
    assertEquals(0, ceremony.exitCode(), ceremony.output());
    // the custodians read what was approved before they typed their PINs
    assertTrue(ceremony.output().contains("ROLL_OVER_CA_KEY ca:"), ceremony.output());
    assertTrue(ceremony.output().contains("SUCCEEDED ceremony"), ceremony.output());
    return Rollover.of(admins.admin2.getRequest(request.id()));
  }

  private static String id(RaSoapClient.DualControlRequest request) {
    return Long.toString(request.id());
  }

  /** Demo custodians {@code custodian<n>} present, each typing the PIN from the data directory. */
  private static String custodians(CaServer server, int... numbers) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int number : numbers) {
      String username = "custodian" + number;
      Path pin = server.dataDirectory().resolve("demo-custodians").resolve(username + ".pin");
      lines.append(username).append('\n').append(Files.readString(pin).strip()).append('\n');
    }
    return lines.toString();
  }

  private record Rollover(byte[] newWithNew, byte[] newWithOld, byte[] oldWithNew) {

    static Rollover of(RaSoapClient.DualControlRequest approved) throws Exception {
      assertEquals("APPROVED", approved.state(), () -> "refused: " + approved.faultString());
      List<X509Certificate> certificates =
          PkiHttpIT.parse(approved.result().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertEquals(3, certificates.size(), approved.result());
      return new Rollover(
          certificates.get(0).getEncoded(),
          certificates.get(1).getEncoded(),
          certificates.get(2).getEncoded());
    }
  }
}
