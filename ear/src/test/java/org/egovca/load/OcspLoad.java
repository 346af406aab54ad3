package org.egovca.load;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Provider;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * OCSP requests for one certificate, POSTed to {@code /pki/ocsp} over plain HTTP: a cached answer
 * (the same nonce-less request again and again) or a freshly signed one (a new nonce each time).
 */
final class OcspLoad {

  private final HttpClient http;
  private final URI endpoint;
  private final Provider bc;
  private final X509CertificateHolder issuer;
  private final CertificateID certificateId;

  OcspLoad(String httpBase, Provider bc, X509CertificateHolder issuer, BigInteger serial)
      throws OperatorCreationException, OCSPException {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.endpoint = URI.create(httpBase + "/pki/ocsp");
    this.bc = bc;
    this.issuer = issuer;
    this.certificateId =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder()
                .setProvider(bc)
                .build()
                .get(CertificateID.HASH_SHA1),
            issuer,
            serial);
  }

  /** Asks the same nonce-less question every time: the responder may answer from its cache. */
  ThroughputMeter.Operation cached() throws OCSPException, IOException {
    byte[] request = request(null);
    return () -> {
      post(request);
      return 1;
    };
  }

  /** Asks with a new nonce every time: the responder must look up the status and sign. */
  ThroughputMeter.Operation fresh() {
    return () -> {
      post(request(nonce()));
      return 1;
    };
  }

  /**
   * Checks once, outside the measurement, that a nonce is echoed, the status is good and the
   * response is signed by the issuer's key or by a responder certificate the issuer signed.
   */
  void checkFreshAnswer() throws Exception {
    byte[] nonce = nonce();
    BasicOCSPResp response = (BasicOCSPResp) post(request(nonce)).getResponseObject();
    byte[] echoed =
        response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets();
    X509CertificateHolder signer = issuer;
    X509CertificateHolder[] included = response.getCerts();
    if (included.length > 0
        && included[0].isSignatureValid(
            new JcaContentVerifierProviderBuilder().setProvider(bc).build(issuer))) {
      signer = included[0];
    }
    if (!Arrays.equals(nonce, echoed)
        || response.getResponses()[0].getCertStatus() != null
        || !response.isSignatureValid(
            new JcaContentVerifierProviderBuilder().setProvider(bc).build(signer))) {
      throw new IllegalStateException(
          "the OCSP answer for "
              + certificateId.getSerialNumber()
              + " is not a good, signed answer echoing the nonce");
    }
  }

  private byte[] request(byte[] nonce) throws OCSPException, IOException {
    OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(certificateId);
    if (nonce != null) {
      builder.setRequestExtensions(
          new Extensions(
              new Extension(
                  OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce))));
    }
    return builder.build().getEncoded();
  }

  private static byte[] nonce() {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    return nonce;
  }

  private OCSPResp post(byte[] request) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    OCSPResp ocsp = new OCSPResp(response.body());
    if (response.statusCode() != 200 || ocsp.getStatus() != OCSPResp.SUCCESSFUL) {
      throw new IllegalStateException(
          "OCSP answered HTTP " + response.statusCode() + ", status " + ocsp.getStatus());
    }
    return ocsp;
  }
}
