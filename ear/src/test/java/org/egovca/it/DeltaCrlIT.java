package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta CRLs (RFC 5280 §5.2.4, GM/T 0015 §5.3) at {@code /pki/crl/{caName}-delta.crl}: a revocation
 * appears on the CA's delta CRL with its reason, under a critical deltaCRLIndicator naming a
 * complete CRL the CA issued, signed by the CA (verified by OpenSSL for the SM2 and the RSA CA);
 * the complete CRL points to the delta CRL in its freshestCRL extension.
 */
@ExtendWith(DeployedEar.class)
class DeltaCrlIT {

  private static final Pattern DELTA_INDICATOR =
      Pattern.compile("X509v3 Delta CRL Indicator: critical\\s*\\n\\s*(\\d+)\\s*\\n");

  @TempDir Path directory;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void completeCrlsNameTheirDeltaCrlInFreshestCrl(CaServer server) throws Exception {
    for (String caName : new String[] {"iFutureCA", "iFutureCA-RSA"}) {
      X509CRLHolder complete = new X509CRLHolder(fetch(server, caName + ".crl").body());
      Extension freshest = complete.getExtension(Extension.freshestCRL);
      assertFalse(freshest.isCritical());
      GeneralNames names =
          (GeneralNames)
              CRLDistPoint.getInstance(freshest.getParsedValue())
                  .getDistributionPoints()[0]
                  .getDistributionPoint()
                  .getName();
      String deltaUrl = server.httpBase() + "/pki/crl/" + caName + "-delta.crl";
      assertEquals(
          new GeneralName(GeneralName.uniformResourceIdentifier, deltaUrl), names.getNames()[0]);
      assertNull(complete.getExtension(Extension.deltaCRLIndicator));
      String text = openSslText(complete.getEncoded());
      assertTrue(text.contains("X509v3 Freshest CRL"), text);
      assertTrue(text.contains("URI:" + deltaUrl), text);

      HttpResponse<byte[]> delta =
          http.send(get(deltaUrl), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, delta.statusCode());
      assertEquals("application/pkix-crl", delta.headers().firstValue("Content-Type").get());
      assertTrue(
          delta.headers().firstValue("Cache-Control").orElseThrow().startsWith("public, max-age="));
      assertTrue(delta.headers().firstValue("Expires").isPresent());
      assertTrue(delta.headers().firstValue("Last-Modified").isPresent());
      assertTrue(new X509CRLHolder(delta.body()).getExtension(Extension.deltaCRLIndicator) != null);
    }
    assertEquals(404, fetch(server, "noSuchCA-delta.crl").statusCode());
  }

  @Test
  void revokedSm2CertificateIsOnTheDeltaCrlWithItsReason(CaServer server) throws Exception {
    BigInteger serial = issue(server, TestRequests.sm2(directory, "delta-sm2"));
    revoke(server, serial, "E", "HOLDER");

    byte[] der = awaitDeltaListing(server, "iFutureCA", serial);
    String text = openSslText(der);
    assertListed(text, serial, "Key Compromise");
    assertBaseIsAnEarlierCompleteCrl(server, "iFutureCA", der, text);
    CertificateList crl = CertificateList.getInstance(der);
    OpenSslSm2.assertSignatureVerifies(
        directory,
        crl.getTBSCertList().getEncoded(),
        crl.getSignature().getOctets(),
        new X509CertificateHolder(
            PkiHttpIT.parse(Files.readAllBytes(server.caChainPem())).get(0).getEncoded()));
    assertTrue(new Records(server).audit("DELTA_CRL_ISSUED").count() > 0, "delta CRLs are audited");
  }

  @Test
  void revokedRsaCertificateIsOnTheRsaCaDeltaCrlWhichOpenSslVerifies(CaServer server)
      throws Exception {
    BigInteger serial = issue(server, TestRequests.rsa(directory, "delta-rsa", 2048));
    revoke(server, serial, "A", "RA");

    byte[] der = awaitDeltaListing(server, "iFutureCA-RSA", serial);
    String text = openSslText(der);
    assertListed(text, serial, "Affiliation Changed");
    assertBaseIsAnEarlierCompleteCrl(server, "iFutureCA-RSA", der, text);
    X509Certificate rsaCa =
        PkiHttpIT.parse(Files.readAllBytes(server.dataDirectory().resolve("tls-ca.pem"))).get(0);
    Files.write(directory.resolve("rsa-ca.der"), rsaCa.getEncoded());
    Commands.ok(
        directory, "openssl", "x509", "-inform", "DER", "-in", "rsa-ca.der", "-out", "rsa-ca.pem");
    String verified =
        Commands.ok(
            directory,
            "openssl",
            "crl",
            "-inform",
            "DER",
            "-in",
            write("delta.der", der),
            "-CAfile",
            "rsa-ca.pem",
            "-noout");
    assertTrue(verified.contains("verify OK"), verified);
  }

  private static void assertListed(String text, BigInteger serial, String reason) {
    String hex = serial.toString(16).toUpperCase();
    // OpenSSL prints whole octets: an odd number of hex digits gets a leading zero
    assertTrue(text.contains("Serial Number: " + (hex.length() % 2 == 0 ? hex : "0" + hex)), text);
    assertTrue(text.contains(reason), text);
  }

  /** The deltaCRLIndicator names a complete CRL of the same CA with a lower number. */
  private static void assertBaseIsAnEarlierCompleteCrl(
      CaServer server, String caName, byte[] der, String text) throws Exception {
    Matcher indicator = DELTA_INDICATOR.matcher(text);
    assertTrue(indicator.find(), text);
    BigInteger base = new BigInteger(indicator.group(1));
    X509CRLHolder delta = new X509CRLHolder(der);
    assertEquals(base, number(delta, Extension.deltaCRLIndicator));
    assertTrue(number(delta, Extension.cRLNumber).compareTo(base) > 0, text);
    assertTrue(new Records(server).isCompleteCrl(caName, base), "CRL " + base + " is complete");
  }

  private byte[] awaitDeltaListing(CaServer server, String caName, BigInteger serial)
      throws Exception {
    for (int attempt = 0; attempt < 60; attempt++) {
      HttpResponse<byte[]> response = fetch(server, caName + "-delta.crl");
      if (response.statusCode() == 200
          && new X509CRLHolder(response.body()).getRevokedCertificate(serial) != null) {
        assertEquals(
            "application/pkix-crl", response.headers().firstValue("Content-Type").orElseThrow());
        return response.body();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the delta CRL of " + caName + " did not list " + serial + " in 30 s");
  }

  private BigInteger issue(CaServer server, String csr) throws Exception {
    RaSoapClient.Answer answer =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
            .issueCertificate(
                "personal-sign",
                "CN=Delta " + UUID.randomUUID().toString().substring(0, 8) + ",C=CN",
                csr);
    assertTrue(answer.issued(), answer.faultString());
    return new X509CertificateHolder(answer.certificate()).getSerialNumber();
  }

  private static void revoke(CaServer server, BigInteger serial, String reason, String initiator)
      throws Exception {
    RaSoapClient client = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    assertNull(client.revokeCertificate(serial.toString(16), reason, initiator).faultString());
  }

  private HttpResponse<byte[]> fetch(CaServer server, String file) throws Exception {
    return http.send(
        get(server.httpBase() + "/pki/crl/" + file), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).build();
  }

  private String openSslText(byte[] der) throws Exception {
    return Commands.ok(
        directory,
        "openssl",
        "crl",
        "-inform",
        "DER",
        "-in",
        write("crl.der", der),
        "-noout",
        "-text");
  }

  private static BigInteger number(X509CRLHolder crl, ASN1ObjectIdentifier extension) {
    return ASN1Integer.getInstance(crl.getExtension(extension).getParsedValue()).getValue();
  }

  private String write(String name, byte[] content) throws Exception {
    Files.write(directory.resolve(name), content);
    return directory.resolve(name).toString();
  }
}
