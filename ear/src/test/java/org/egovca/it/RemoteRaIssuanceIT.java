package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vertical slice: an authenticated remote RA submits a PKCS#10 made by OpenSSL and receives a
 * GM/T 0015 personal signing certificate, which OpenSSL verifies, the database records with its
 * audit event, the directory publishes and the console lists.
 */
@ExtendWith(DeployedEar.class)
class RemoteRaIssuanceIT {

  private static final String SM2_USER_ID = "distid:1234567812345678";

  @TempDir Path directory;

  @Test
  void sm2RequestYieldsAGmt0015SigningCertificateThatOpenSslVerifies(CaServer server)
      throws Exception {
    String name = "张三 " + UUID.randomUUID().toString().substring(0, 8);
    String subject = "CN=" + name + ",OU=研发部,O=测试单位,L=北京,ST=北京,C=CN";
    String csr = TestRequests.sm2(directory, "sm2");
    issueAndCheck(server, subject, name, csr, "SM2_256", Issuer.sm2(server));
  }

  @Test
  void rsa2048RequestYieldsAGmt0015SigningCertificateThatOpenSslVerifies(CaServer server)
      throws Exception {
    String name = "Li Si " + UUID.randomUUID().toString().substring(0, 8);
    String subject = "E=lisi@example.gov.cn,CN=" + name + ",O=Example Bureau,C=CN";
    String csr = TestRequests.rsa(directory, "rsa", 2048);
    issueAndCheck(server, subject, name, csr, "RSA_2048", Issuer.rsa(server));
  }

  /**
   * The CA expected to certify a key (R2): the SM2 issuing CA for SM2 keys, the RSA issuing CA for
   * RSA keys, both under the SM2 root.
   */
  private record Issuer(
      String caName,
      X509Certificate certificate,
      X509Certificate root,
      String signatureOid,
      String openSslSignatureName) {

    boolean sm2() {
      return signatureOid.equals("1.2.156.10197.1.501");
    }

    static Issuer sm2(CaServer server) throws Exception {
      List<X509Certificate> chain = PkiHttpIT.parse(Files.readAllBytes(server.caChainPem()));
      return new Issuer(
          "iFutureCA", chain.get(0), chain.get(1), "1.2.156.10197.1.501", "SM2-with-SM3");
    }

    static Issuer rsa(CaServer server) throws Exception {
      List<X509Certificate> chain = PkiHttpIT.parse(Files.readAllBytes(server.caChainPem()));
      X509Certificate rsaCa =
          PkiHttpIT.parse(Files.readAllBytes(server.dataDirectory().resolve("tls-ca.pem"))).get(0);
      return new Issuer(
          "iFutureCA-RSA", rsaCa, chain.get(1), "1.2.840.113549.1.1.11", "sha256WithRSAEncryption");
    }
  }

  private void issueAndCheck(
      CaServer server,
      String subjectDn,
      String commonName,
      String csr,
      String keyAlgorithm,
      Issuer expected)
      throws Exception {
    RaSoapClient.Answer answer =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
            .issueCertificate("personal-sign", subjectDn, csr);
    assertTrue(answer.issued(), () -> "refused: " + answer.faultString());
    Path certificate = writePem(directory.resolve("ee.pem"), answer.certificate());
    Path issuing = writePem(directory.resolve("issuing.pem"), expected.certificate().getEncoded());
    Path root = writePem(directory.resolve("root.pem"), expected.root().getEncoded());

    verifiesWithOpenSsl(root, issuing, certificate, expected.sm2());
    validatesWithPkix(answer.certificate(), List.of(expected.certificate(), expected.root()));
    hasTheGmt0015SigningProfile(answer.certificate(), expected, csr);
    isReadableByOpenSslWithTheRightExtensions(server, certificate, expected);
    isRecordedAndAudited(server, new X509CertificateHolder(answer.certificate()), keyAlgorithm);
    isPublishedToTheDirectory(server, commonName, answer.certificate());
    consoleNeedsALogin(server);
  }

  /**
   * OpenSSL 3.0 applies {@code -vfyopt distid} only to the certificate being verified, so each link
   * of the SM2 chain is verified on its own: issuing CA by root, end entity by issuing CA.
   */
  private void verifiesWithOpenSsl(Path root, Path issuing, Path certificate, boolean sm2Issuer)
      throws Exception {
    assertTrue(
        Commands.ok(
                directory,
                "openssl",
                "verify",
                "-vfyopt",
                SM2_USER_ID,
                "-CAfile",
                root.toString(),
                issuing.toString())
            .contains(": OK"));
    List<String> endEntity = new ArrayList<>(List.of("openssl", "verify"));
    if (sm2Issuer) {
      endEntity.addAll(List.of("-vfyopt", SM2_USER_ID));
    }
    endEntity.addAll(
        List.of("-partial_chain", "-CAfile", issuing.toString(), certificate.toString()));
    assertTrue(Commands.ok(directory, endEntity.toArray(String[]::new)).contains(": OK"));
  }

  private static void validatesWithPkix(byte[] certificate, List<X509Certificate> chain)
      throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509", "BC");
    X509Certificate endEntity = PkiHttpIT.parse(certificate).get(0);
    CertPath path = factory.generateCertPath(List.of(endEntity, chain.get(0)));
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(chain.get(1), null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX", "BC").validate(path, parameters);
  }

  /** GM/T 0015 table C.3, checked field by field with BouncyCastle. */
  private static void hasTheGmt0015SigningProfile(byte[] encoded, Issuer expected, String csr)
      throws Exception {
    X509CertificateHolder certificate = new X509CertificateHolder(encoded);
    X509CertificateHolder issuer = new X509CertificateHolder(expected.certificate().getEncoded());
    assertEquals(3, certificate.getVersionNumber());
    assertEquals(
        expected.signatureOid(), certificate.getSignatureAlgorithm().getAlgorithm().getId());
    if (expected.sm2()) {
      assertNull(certificate.getSignatureAlgorithm().getParameters(), "GM/T 0015: no parameters");
    }
    assertTrue(certificate.getSerialNumber().signum() > 0);
    assertTrue(certificate.getSerialNumber().bitLength() >= 64);
    assertArrayEquals(issuer.getSubject().getEncoded(), certificate.getIssuer().getEncoded());
    assertEquals(
        new PKCS10CertificationRequest(pemContent(csr)).getSubjectPublicKeyInfo(),
        certificate.getSubjectPublicKeyInfo());

    X500Name subject = certificate.getSubject();
    ASN1Encodable country = subject.getRDNs(BCStyle.C)[0].getFirst().getValue();
    assertTrue(country instanceof ASN1PrintableString, "C is a PrintableString");
    assertEquals(BCStyle.C, subject.getRDNs()[0].getFirst().getType(), "C is the first RDN");

    Extension keyUsage = certificate.getExtension(Extension.keyUsage);
    assertTrue(keyUsage.isCritical());
    assertEquals(
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
        KeyUsage.getInstance(keyUsage.getParsedValue()));
    assertEquals(
        Set.of(Extension.keyUsage),
        Set.copyOf(List.of(certificate.getExtensions().getCriticalExtensionOIDs())),
        "keyUsage is the only critical extension");

    AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(certificate.getExtensions());
    assertNull(aki.getAuthorityCertIssuer(), "AKI carries the key identifier only");
    assertNull(aki.getAuthorityCertSerialNumber(), "AKI carries the key identifier only");
    assertArrayEquals(
        SubjectKeyIdentifier.fromExtensions(issuer.getExtensions()).getKeyIdentifier(),
        aki.getKeyIdentifierOctets());
    assertTrue(SubjectKeyIdentifier.fromExtensions(certificate.getExtensions()) != null);
    for (var required :
        List.of(
            Extension.certificatePolicies,
            Extension.cRLDistributionPoints,
            Extension.authorityInfoAccess)) {
      assertFalse(certificate.getExtension(required).isCritical(), required + " non-critical");
    }
    assertNull(certificate.getExtension(Extension.basicConstraints));
  }

  private void isReadableByOpenSslWithTheRightExtensions(
      CaServer server, Path certificate, Issuer expected) throws Exception {
    String text =
        Commands.ok(directory, "openssl", "x509", "-in", certificate.toString(), "-noout", "-text");
    assertTrue(text.contains("Signature Algorithm: " + expected.openSslSignatureName()), text);
    assertTrue(
        text.contains(
            "X509v3 Key Usage: critical\n                Digital Signature, Non Repudiation"),
        text);
    assertTrue(text.contains("X509v3 Authority Key Identifier"), text);
    assertTrue(text.contains("X509v3 Subject Key Identifier"), text);
    assertTrue(text.contains("X509v3 Certificate Policies"), text);
    assertTrue(
        text.contains("URI:" + server.httpBase() + "/pki/crl/" + expected.caName() + ".crl"), text);
    assertTrue(text.contains("OCSP - URI:" + server.httpBase() + "/pki/ocsp"), text);
    assertTrue(
        text.contains(
            "CA Issuers - URI:" + server.httpBase() + "/pki/ca/" + expected.caName() + ".crt"),
        text);
  }

  private static void isRecordedAndAudited(
      CaServer server, X509CertificateHolder certificate, String keyAlgorithm) throws Exception {
    BigInteger serial = certificate.getSerialNumber();
    assertEquals("good", RelyingParty.status(certificate));
    Records.StoredCertificate stored = new Records(server).certificate(serial);
    assertEquals("personal-sign", stored.profile());
    assertEquals(keyAlgorithm, stored.keyAlgorithm());
    assertEquals(
        1,
        new Records(server)
            .audit("CERTIFICATE_ISSUED")
            .outcome("SUCCESS")
            .actor("remote-ra:demo-ra")
            .detailLike("serial=" + serial.toString(16) + " %")
            .count());
  }

  /** Publication happens after commit, on another thread: poll the directory for a while. */
  private void isPublishedToTheDirectory(CaServer server, String commonName, byte[] certificate)
      throws Exception {
    String expected = Base64.getEncoder().encodeToString(certificate);
    String output = "";
    for (int attempt = 0; attempt < 40 && !output.contains(expected); attempt++) {
      if (attempt > 0) {
        Thread.sleep(500);
      }
      output =
          Commands.run(
                  directory,
                  "ldapsearch",
                  "-x",
                  "-LLL",
                  "-o",
                  "ldif-wrap=no",
                  "-H",
                  "ldap://127.0.0.1:" + server.ldapPort(),
                  "-b",
                  "o=iFutureCA,c=CN",
                  "(cn=" + commonName + ")",
                  "userCertificate;binary")
              .output();
    }
    assertTrue(output.contains("userCertificate;binary:: " + expected), output);
  }

  /**
   * The console holds application data (CPS 6.3.2): without an operator login, even a client whose
   * certificate the TLS handshake accepts (here the RA system's, not an operator's) is sent to the
   * login page instead of seeing certificates; one without a certificate gets no further than the
   * handshake.
   */
  private static void consoleNeedsALogin(CaServer server) throws Exception {
    Tls.refusedInHandshake(server, "GET /ra/ HTTP/1.1\r\nHost: localhost\r\n\r\n");
    HttpClient http = HttpClient.newBuilder().sslContext(Tls.remoteRa(server)).build();
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(server.httpsBase() + "/ra/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, page.statusCode());
    assertTrue(
        page.headers().firstValue("Location").orElse("").endsWith("/ra/login.xhtml"),
        page.headers().map().toString());
  }

  private static Path writePem(Path file, byte[] der) throws Exception {
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der)
            + "\n-----END CERTIFICATE-----\n";
    Files.writeString(file, pem);
    return file;
  }

  private static byte[] pemContent(String pem) throws Exception {
    try (PemReader reader = new PemReader(new java.io.StringReader(pem))) {
      return reader.readPemObject().getContent();
    }
  }
}
