package org.egovca.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A certificate's status as a relying party sees it, knowing nothing but the certificate: the
 * issuer from the certificate's caIssuers URL, then the OCSP responder its authorityInfoAccess
 * names, asked with a nonce (so the answer is signed for this question, never a cached one) and
 * believed only when signed by the issuer or by a responder the issuer certified for OCSP signing.
 * Tests prove a certificate's status, revocation time and reason here, not in the CA's database.
 */
public final class RelyingParty {

  /** RFC 5280 §5.3.1 CRLReason names by code, as OpenSSL and the query service print them. */
  private static final String[] REASONS = {
    "unspecified",
    "keyCompromise",
    "cACompromise",
    "affiliationChanged",
    "superseded",
    "cessationOfOperation",
    "certificateHold",
    null,
    "removeFromCRL",
    "privilegeWithdrawn",
    "aACompromise"
  };

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The OCSP answer about one certificate.
   *
   * @param status {@code good}, {@code unknown}, or {@code revoked (reason)} with the RFC 5280
   *     reason name, {@code revoked (no reason code)} when the answer carries none
   * @param revocationTime when it was revoked (whole seconds), or null
   * @param responder the certificate whose key signed the answer: the issuer's or its delegated
   *     responder's
   */
  public record Answer(String status, Instant revocationTime, X509CertificateHolder responder) {}

  private RelyingParty() {}

  /** The status of the certificate (DER), as in {@link Answer#status()}. */
  public static String status(byte[] certificate) throws Exception {
    return status(new X509CertificateHolder(certificate));
  }

  /** The status of {@code certificate}, as in {@link Answer#status()}. */
  public static String status(X509CertificateHolder certificate) throws Exception {
    return ocsp(certificate).status();
  }

  /** What the OCSP responder named in {@code certificate} answers about it. */
  public static Answer ocsp(X509CertificateHolder certificate) throws Exception {
    X509CertificateHolder issuer = issuerOf(certificate);
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    CertificateID id = id(issuer, certificate);
    byte[] request =
        new OCSPReqBuilder()
            .addRequest(id)
            .setRequestExtensions(
                new Extensions(
                    new Extension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                        false,
                        new DEROctetString(nonce))))
            .build()
            .getEncoded();
    OCSPResp ocsp = post(certificate, request);
    check(ocsp.getStatus() == OCSPResp.SUCCESSFUL, "OCSP response status " + ocsp.getStatus());
    BasicOCSPResp basic = (BasicOCSPResp) ocsp.getResponseObject();
    X509CertificateHolder responder = trustedSigner(basic, issuer);
    Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    check(
        echoed != null && Arrays.equals(nonce, echoed.getExtnValue().getOctets()),
        "the answer does not echo the request's nonce");
    SingleResp[] answers = basic.getResponses();
    check(
        answers.length == 1
            && answers[0].getCertID().getSerialNumber().equals(id.getSerialNumber())
            && Arrays.equals(answers[0].getCertID().getIssuerKeyHash(), id.getIssuerKeyHash()),
        "the answer is not about the certificate asked for");
    return answer(answers[0].getCertStatus(), responder);
  }

  /**
   * The OCSP response status (RFC 6960 §4.2.1: 0 successful, 3 tryLater, ...) the responder named
   * in {@code certificate} gives to a question about it, for answers that carry no status of the
   * certificate.
   */
  public static int responseStatus(X509CertificateHolder certificate) throws Exception {
    X509CertificateHolder issuer = issuerOf(certificate);
    CertificateID id = id(issuer, certificate);
    return post(certificate, new OCSPReqBuilder().addRequest(id).build().getEncoded()).getStatus();
  }

  private static X509CertificateHolder issuerOf(X509CertificateHolder certificate)
      throws Exception {
    return new X509CertificateHolder(get(access(certificate, AccessDescription.id_ad_caIssuers)));
  }

  private static CertificateID id(X509CertificateHolder issuer, X509CertificateHolder certificate)
      throws Exception {
    return new CertificateID(
        new JcaDigestCalculatorProviderBuilder()
            .setProvider(BC)
            .build()
            .get(CertificateID.HASH_SHA1),
        issuer,
        certificate.getSerialNumber());
  }

  private static OCSPResp post(X509CertificateHolder certificate, byte[] request) throws Exception {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(access(certificate, AccessDescription.id_ad_ocsp)))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    check(
        response.statusCode() == 200, "the OCSP responder answered HTTP " + response.statusCode());
    return new OCSPResp(response.body());
  }

  private static Answer answer(CertificateStatus status, X509CertificateHolder responder) {
    if (status == CertificateStatus.GOOD) {
      return new Answer("good", null, responder);
    }
    if (status instanceof UnknownStatus) {
      return new Answer("unknown", null, responder);
    }
    RevokedStatus revoked = (RevokedStatus) status;
    String reason =
        revoked.hasRevocationReason() ? REASONS[revoked.getRevocationReason()] : "no reason code";
    return new Answer(
        "revoked (" + reason + ")", revoked.getRevocationTime().toInstant(), responder);
  }

  /**
   * The certificate whose key signed {@code response}, once its signature verifies: the issuer, or
   * the responder certificate included in the answer when the issuer certified it for OCSP signing
   * (RFC 6960 §4.2.2.2).
   */
  private static X509CertificateHolder trustedSigner(
      BasicOCSPResp response, X509CertificateHolder issuer) throws Exception {
    X509CertificateHolder signer = issuer;
    X509CertificateHolder[] included = response.getCerts();
    if (included.length > 0) {
      signer = included[0];
      ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(signer.getExtensions());
      check(
          signer.getIssuer().equals(issuer.getSubject())
              && signer.isSignatureValid(verifier(issuer))
              && usage != null
              && usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning),
          "the OCSP responder " + signer.getSubject() + " is not certified by the issuer");
    }
    check(response.isSignatureValid(verifier(signer)), "the OCSP answer's signature is bad");
    return signer;
  }

  private static ContentVerifierProvider verifier(X509CertificateHolder key) throws Exception {
    return new JcaContentVerifierProviderBuilder().setProvider(BC).build(key);
  }

  /** The URL of {@code method} in the certificate's authorityInfoAccess. */
  private static String access(X509CertificateHolder certificate, ASN1ObjectIdentifier method) {
    AuthorityInformationAccess access =
        AuthorityInformationAccess.fromExtensions(certificate.getExtensions());
    check(access != null, certificate.getSubject() + " has no authorityInfoAccess");
    for (AccessDescription description : access.getAccessDescriptions()) {
      if (description.getAccessMethod().equals(method)) {
        return description.getAccessLocation().getName().toString();
      }
    }
    throw new AssertionError(certificate.getSubject() + " names no " + method + " URL");
  }

  private static byte[] get(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    check(response.statusCode() == 200, url + " answered HTTP " + response.statusCode());
    return response.body();
  }

  private static void check(boolean condition, String failure) {
    if (!condition) {
      throw new AssertionError(failure);
    }
  }
}
