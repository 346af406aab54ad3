package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCSP responder of the deployed EAR (CPS §6.1.4.8.9, RFC 6960) over POST and GET: good,
 * revoked with time and reason, unknown; nonce echoed; SHA-1 and SM3 CertIDs; SM2 responses
 * verified with OpenSSL's pkeyutl, RSA responses checked end to end by {@code openssl ocsp}.
 */
@ExtendWith(DeployedEar.class)
class OcspIT {

  private static final ASN1ObjectIdentifier SM3 = new ASN1ObjectIdentifier("1.2.156.10197.1.401");

  @TempDir Path directory;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void sm2CertificateIsGoodThenRevokedWithItsReason(CaServer server) throws Exception {
    X509CertificateHolder issuing = issuingCa(server);
    BigInteger serial = issue(server);
    byte[] nonce = new byte[16];
    new SecureRandom().nextBytes(nonce);

    BasicOCSPResp good = post(server, request(issuing, serial, CertificateID.HASH_SHA1, nonce));
    SingleResp single = good.getResponses()[0];
    assertNull(single.getCertStatus(), "good");
    assertEquals(serial, single.getCertID().getSerialNumber());
    assertArrayEquals(
        nonce,
        good.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets(),
        "the nonce is echoed");
    assertNotNullNextUpdate(single);
    assertSm2SignatureVerifiesWithOpenSsl(good, issuing);

    RaSoapClient client = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    assertNull(client.revokeCertificate(serial.toString(16), "E", "HOLDER").faultString());
    BasicOCSPResp revoked = post(server, request(issuing, serial, CertificateID.HASH_SHA1, null));
    RevokedStatus status =
        assertInstanceOf(RevokedStatus.class, revoked.getResponses()[0].getCertStatus());
    assertEquals(CRLReason.keyCompromise, status.getRevocationReason());
    assertSm2SignatureVerifiesWithOpenSsl(revoked, issuing);
  }

  @Test
  void sm3CertIdsAreAnsweredToo(CaServer server) throws Exception {
    X509CertificateHolder issuing = issuingCa(server);
    BigInteger serial = issue(server);
    AlgorithmIdentifier sm3 = new AlgorithmIdentifier(SM3);
    BasicOCSPResp response = post(server, request(issuing, serial, sm3, null));
    assertNull(response.getResponses()[0].getCertStatus(), "good");
    assertEquals(SM3, response.getResponses()[0].getCertID().getHashAlgOID());
  }

  @Test
  void serialTheCaNeverIssuedIsUnknown(CaServer server) throws Exception {
    BasicOCSPResp response =
        post(
            server,
            request(
                issuingCa(server),
                new BigInteger("1234567890abcdef", 16),
                CertificateID.HASH_SHA1,
                null));
    assertInstanceOf(
        org.bouncycastle.cert.ocsp.UnknownStatus.class, response.getResponses()[0].getCertStatus());
  }

  @Test
  void getRequestsAreAnsweredWithHttpCachingHeaders(CaServer server) throws Exception {
    BigInteger serial = issue(server);
    byte[] request = request(issuingCa(server), serial, CertificateID.HASH_SHA1, null);
    String path =
        URLEncoder.encode(Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII);
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/ocsp/" + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals(
        "application/ocsp-response", response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("max-age="));
    OCSPResp ocsp = new OCSPResp(response.body());
    assertEquals(OCSPResp.SUCCESSFUL, ocsp.getStatus());
    assertNull(((BasicOCSPResp) ocsp.getResponseObject()).getResponses()[0].getCertStatus());
  }

  @Test
  void malformedRequestGetsMalformedRequestNotAStackTrace(CaServer server) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/ocsp"))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofString("not an OCSP request"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(response.body()).getStatus());
  }

  @Test
  void openSslAcceptsTheRsaResponsesOfTheTlsCa(CaServer server) throws Exception {
    Path p12 = server.remoteRaP12();
    Commands.ok(
        directory,
        "openssl",
        "pkcs12",
        "-in",
        p12.toString(),
        "-passin",
        "file:" + server.remoteRaPassword(),
        "-nokeys",
        "-clcerts",
        "-out",
        "ra.pem");
    String tlsCa = server.dataDirectory().resolve("tls-ca.pem").toString();
    String good =
        Commands.ok(
            directory,
            "openssl",
            "ocsp",
            "-issuer",
            tlsCa,
            "-cert",
            "ra.pem",
            "-CAfile",
            tlsCa,
            "-partial_chain",
            "-url",
            server.httpBase() + "/pki/ocsp");
    assertTrue(good.contains("Response verify OK"), good);
    assertTrue(good.contains("ra.pem: good"), good);
    String unknown =
        Commands.ok(
            directory,
            "openssl",
            "ocsp",
            "-issuer",
            tlsCa,
            "-serial",
            "0x1234567890abcdef",
            "-CAfile",
            tlsCa,
            "-partial_chain",
            "-url",
            server.httpBase() + "/pki/ocsp");
    assertTrue(unknown.contains("Response verify OK"), unknown);
    assertTrue(unknown.contains("0x1234567890abcdef: unknown"), unknown);
  }

  @Test
  void openSslSeesAnRsaHolderCertificateGoodThenRevoked(CaServer server) throws Exception {
    RaSoapClient client = new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
    RaSoapClient.Answer answer =
        client.issueCertificate(
            "personal-sign",
            "CN=RSA OCSP " + UUID.randomUUID().toString().substring(0, 8) + ",C=CN",
            TestRequests.rsa(directory, "rsaholder", 2048));
    assertTrue(answer.issued(), answer.faultString());
    Files.writeString(directory.resolve("holder.pem"), OpenSslSm2.pem(answer.certificate()));
    String rsaCa = server.dataDirectory().resolve("tls-ca.pem").toString();
    String[] query = {
      "openssl",
      "ocsp",
      "-issuer",
      rsaCa,
      "-cert",
      "holder.pem",
      "-CAfile",
      rsaCa,
      "-partial_chain",
      "-url",
      server.httpBase() + "/pki/ocsp"
    };
    String good = Commands.ok(directory, query);
    assertTrue(good.contains("Response verify OK") && good.contains("holder.pem: good"), good);

    String serial = new X509CertificateHolder(answer.certificate()).getSerialNumber().toString(16);
    assertNull(client.revokeCertificate(serial, "E", "HOLDER").faultString());
    String revoked = Commands.ok(directory, query);
    assertTrue(revoked.contains("Response verify OK"), revoked);
    assertTrue(revoked.contains("holder.pem: revoked"), revoked);
    assertTrue(revoked.contains("Reason: keyCompromise"), revoked);
  }

  private static void assertNotNullNextUpdate(SingleResp single) {
    assertTrue(
        single.getNextUpdate() != null && single.getNextUpdate().after(single.getThisUpdate()));
  }

  private byte[] request(
      X509CertificateHolder issuer, BigInteger serial, AlgorithmIdentifier hash, byte[] nonce)
      throws Exception {
    DigestCalculatorProvider digests =
        new JcaDigestCalculatorProviderBuilder().setProvider("BC").build();
    OCSPReqBuilder builder =
        new OCSPReqBuilder().addRequest(new CertificateID(digests.get(hash), issuer, serial));
    if (nonce != null) {
      builder.setRequestExtensions(
          new Extensions(
              new Extension(
                  OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce))));
    }
    OCSPReq request = builder.build();
    return request.getEncoded();
  }

  private BasicOCSPResp post(CaServer server, byte[] request) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.httpBase() + "/pki/ocsp"))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    OCSPResp ocsp = new OCSPResp(response.body());
    assertEquals(OCSPResp.SUCCESSFUL, ocsp.getStatus());
    return (BasicOCSPResp) ocsp.getResponseObject();
  }

  private void assertSm2SignatureVerifiesWithOpenSsl(
      BasicOCSPResp response, X509CertificateHolder issuer) throws Exception {
    X509CertificateHolder signer = OcspSignatures.assertSignedFor(directory, response, issuer);
    assertTrue(signer != issuer, "signed by the CA's delegated responder (egovca.ocsp.signer)");
  }

  private BigInteger issue(CaServer server) throws Exception {
    RaSoapClient.Answer answer =
        new RaSoapClient(Tls.remoteRa(server), server.httpsBase())
            .issueCertificate(
                "personal-sign",
                "CN=OCSP " + UUID.randomUUID().toString().substring(0, 8) + ",C=CN",
                TestRequests.sm2(directory, "ocsp"));
    assertTrue(answer.issued(), answer.faultString());
    return new X509CertificateHolder(answer.certificate()).getSerialNumber();
  }

  private static X509CertificateHolder issuingCa(CaServer server) throws Exception {
    return new X509CertificateHolder(
        PkiHttpIT.parse(Files.readAllBytes(server.caChainPem())).get(0).getEncoded());
  }
}
