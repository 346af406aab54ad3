package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plain HTTP endpoints relying parties and monitoring use, against the deployed EAR. */
@ExtendWith(DeployedEar.class)
class PkiHttpIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void healthAnswers200WithJsonOnceTheCaCanIssue(CaServer server) throws Exception {
    HttpResponse<String> response = get(server.httpBase() + "/pki/health");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("json"));
    assertTrue(response.body().contains("\"up\":true"), response.body());
    assertTrue(response.body().contains("\"token\":\"ACTIVE\""), response.body());
  }

  @Test
  void issuingCaCertificateIsServedAsDerAndPem(CaServer server) throws Exception {
    HttpResponse<byte[]> der =
        http.send(
            HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/ca/iFutureCA.crt")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, der.statusCode());
    assertEquals("application/pkix-cert", der.headers().firstValue("Content-Type").orElseThrow());
    X509Certificate issuing = parse(der.body()).get(0);
    assertEquals("CN=iFutureCA, C=CN", issuing.getSubjectX500Principal().getName("RFC1779"));

    HttpResponse<String> pem = get(server.httpBase() + "/pki/ca/iFutureCA.pem");
    assertEquals(200, pem.statusCode());
    assertTrue(pem.body().startsWith("-----BEGIN CERTIFICATE-----"));
    assertEquals(issuing, parse(pem.body().getBytes()).get(0));
  }

  @Test
  void chainGoesFromTheIssuingCaUpToTheSelfSignedRoot(CaServer server) throws Exception {
    HttpResponse<String> response = get(server.httpBase() + "/pki/ca/iFutureCA/chain.pem");
    assertEquals(200, response.statusCode());
    List<X509Certificate> chain = parse(response.body().getBytes());
    assertEquals(2, chain.size());
    assertEquals(chain.get(0).getIssuerX500Principal(), chain.get(1).getSubjectX500Principal());
    assertEquals(
        "CN=iFutureCA Root, C=CN", chain.get(1).getSubjectX500Principal().getName("RFC1779"));
    assertEquals(chain.get(1).getSubjectX500Principal(), chain.get(1).getIssuerX500Principal());
  }

  @Test
  void unknownCaIsNotFound(CaServer server) throws Exception {
    assertEquals(404, get(server.httpBase() + "/pki/ca/NoSuchCA.crt").statusCode());
  }

  @Test
  void httpsServesTheServerCertificateIssuedByTheCasTlsCa(CaServer server) throws Exception {
    HttpClient tls = HttpClient.newBuilder().sslContext(Tls.remoteRa(server)).build();
    HttpResponse<String> response =
        tls.send(
            HttpRequest.newBuilder(URI.create(server.httpsBase() + "/pki/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    X509Certificate serverCertificate =
        (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    X509Certificate tlsCa = Tls.certificate(server.dataDirectory().resolve("tls-ca.pem"));
    assertEquals(tlsCa.getSubjectX500Principal(), serverCertificate.getIssuerX500Principal());
    serverCertificate.verify(tlsCa.getPublicKey());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Parses with BouncyCastle (registered by the test harness): the JDK cannot read SM2 keys. */
  static List<X509Certificate> parse(byte[] encoded) throws Exception {
    Collection<? extends java.security.cert.Certificate> certificates =
        CertificateFactory.getInstance("X.509", "BC")
            .generateCertificates(new ByteArrayInputStream(encoded));
    return certificates.stream().map(X509Certificate.class::cast).toList();
  }
}
