package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRL at the distribution point of issued certificates (CPS §6.1.4.8.7, GM/T 0015 §5.3): an
 * X.509 v2 CRL with CRL number, AKI and nextUpdate, signed by the issuing CA's SM2 key (verified by
 * OpenSSL), listing revoked certificates with their reasons soon after they are revoked.
 */
@ExtendWith(DeployedEar.class)
class CrlIT {

  @TempDir Path directory;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void crlIsAGmt0015V2CrlSignedByTheIssuingCa(CaServer server) throws Exception {
    byte[] der = fetchCrl(server);
    X509CRLHolder crl = new X509CRLHolder(der);
    X509CertificateHolder issuing = issuingCa(server);
    assertArrayEquals(issuing.getSubject().getEncoded(), crl.getIssuer().getEncoded());
    assertEquals(2, CertificateList.getInstance(der).getVersionNumber());
    assertNotNull(crl.getNextUpdate(), "nextUpdate is mandatory");
    assertTrue(crl.getNextUpdate().after(crl.getThisUpdate()));
    assertTrue(crlNumber(crl).signum() > 0);
    AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(crl.getExtensions());
    assertArrayEquals(
        SubjectKeyIdentifier.fromExtensions(issuing.getExtensions()).getKeyIdentifier(),
        aki.getKeyIdentifierOctets());
    assertNull(aki.getAuthorityCertIssuer());
    assertEquals(
        "1.2.156.10197.1.501",
        crl.toASN1Structure().getSignatureAlgorithm().getAlgorithm().getId());
    assertSm2SignatureVerifiesWithOpenSsl(der, issuing);
    String text =
        Commands.ok(
            directory,
            "openssl",
            "crl",
            "-inform",
            "DER",
            "-in",
            write("c.der", der),
            "-noout",
            "-text");
    assertTrue(text.contains("X509v3 CRL Number"), text);
    assertTrue(text.contains("X509v3 Authority Key Identifier"), text);
    assertTrue(text.contains("Next Update"), text);
  }

  @Test
  void revokedCertificatesAppearWithTheirReasonsAndCrlNumbersGrow(CaServer server)
      throws Exception {
    BigInteger before = crlNumber(new X509CRLHolder(fetchCrl(server)));
    BigInteger compromised = issue(server);
    BigInteger affiliation = issue(server);
    BigInteger holderRequest = issue(server);
    RaSoapClient client = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    assertNull(client.revokeCertificate(compromised.toString(16), "E", "HOLDER").faultString());
    assertNull(client.revokeCertificate(affiliation.toString(16), "A", "RA").faultString());
    assertNull(client.revokeCertificate(holderRequest.toString(16), "H", "HOLDER").faultString());

    X509CRLHolder crl = awaitCrlListing(server, compromised, affiliation, holderRequest);
    assertTrue(crlNumber(crl).compareTo(before) > 0, "the CRL number grows");
    assertEquals(CRLReason.keyCompromise, reason(crl.getRevokedCertificate(compromised)));
    assertEquals(CRLReason.affiliationChanged, reason(crl.getRevokedCertificate(affiliation)));
    assertNull(
        crl.getRevokedCertificate(holderRequest).getExtensions() == null
            ? null
            : crl.getRevokedCertificate(holderRequest).getExtension(Extension.reasonCode),
        "a holder's request carries no reason code instead of 'unspecified'");

    byte[] der = crl.getEncoded();
    String text =
        Commands.ok(
            directory,
            "openssl",
            "crl",
            "-inform",
            "DER",
            "-in",
            write("r.der", der),
            "-noout",
            "-text");
    String hex = compromised.toString(16).toUpperCase();
    // OpenSSL prints whole octets: an odd number of hex digits gets a leading zero
    assertTrue(text.contains("Serial Number: " + (hex.length() % 2 == 0 ? hex : "0" + hex)), text);
    assertTrue(text.contains("Key Compromise"), text);
    assertTrue(text.contains("Affiliation Changed"), text);
    assertSm2SignatureVerifiesWithOpenSsl(der, issuingCa(server));
    assertTrue(new Records(server).storedCrls() >= 2, "every CRL is kept");
  }

  private X509CRLHolder awaitCrlListing(CaServer server, BigInteger... serials) throws Exception {
    X509CRLHolder crl = null;
    for (int attempt = 0; attempt < 60; attempt++) {
      crl = new X509CRLHolder(fetchCrl(server));
      boolean all = true;
      for (BigInteger serial : serials) {
        all &= crl.getRevokedCertificate(serial) != null;
      }
      if (all) {
        return crl;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the CRL did not list the revoked certificates within 30 s");
  }

  private static int reason(X509CRLEntryHolder entry) {
    return CRLReason.getInstance(entry.getExtension(Extension.reasonCode).getParsedValue())
        .getValue()
        .intValue();
  }

  private static BigInteger crlNumber(X509CRLHolder crl) {
    return ASN1Integer.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue())
        .getValue();
  }

  private void assertSm2SignatureVerifiesWithOpenSsl(byte[] der, X509CertificateHolder issuer)
      throws Exception {
    CertificateList crl = CertificateList.getInstance(der);
    OpenSslSm2.assertSignatureVerifies(
        directory, crl.getTBSCertList().getEncoded(), crl.getSignature().getOctets(), issuer);
  }

  private BigInteger issue(CaServer server) throws Exception {
    RaSoapClient.Answer answer =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
            .issueCertificate(
                "personal-sign",
                "CN=CRL " + UUID.randomUUID().toString().substring(0, 8) + ",C=CN",
                TestRequests.sm2(directory, "crl"));
    assertTrue(answer.issued(), answer.faultString());
    return new X509CertificateHolder(answer.certificate()).getSerialNumber();
  }

  private byte[] fetchCrl(CaServer server) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/crl/iFutureCA.crl"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals(
        "application/pkix-crl", response.headers().firstValue("Content-Type").orElseThrow());
    return response.body();
  }

  private static X509CertificateHolder issuingCa(CaServer server) throws Exception {
    X509Certificate issuing = PkiHttpIT.parse(Files.readAllBytes(server.caChainPem())).get(0);
    return new X509CertificateHolder(issuing.getEncoded());
  }

  private String write(String name, byte[] content) throws Exception {
    Files.write(directory.resolve(name), content);
    return directory.resolve(name).toString();
  }
}
