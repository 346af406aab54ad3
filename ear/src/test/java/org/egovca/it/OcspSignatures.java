package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;

/**
 * Checks who signed an SM2 OCSP response, with OpenSSL: either the CA key itself, or a delegated
 * responder (RFC 6960 §4.2.2.2) whose certificate, included in the response, the CA issued with
 * id-kp-OCSPSigning and id-pkix-ocsp-nocheck.
 */
final class OcspSignatures {

  private OcspSignatures() {}

  /** The certificate whose key signed {@code response}, checked as above. */
  static X509CertificateHolder assertSignedFor(
      Path directory, BasicOCSPResp response, X509CertificateHolder ca) throws Exception {
    X509CertificateHolder signer = ca;
    X509CertificateHolder[] included = response.getCerts();
    if (included.length > 0) {
      assertEquals(1, included.length, "the responder certificate alone");
      signer = included[0];
      assertDelegatedBy(directory, signer, ca);
    }
    BasicOCSPResponse basic = BasicOCSPResponse.getInstance(response.getEncoded());
    OpenSslSm2.assertSignatureVerifies(
        directory,
        basic.getTbsResponseData().getEncoded(),
        basic.getSignature().getOctets(),
        signer);
    return signer;
  }

  static void assertDelegatedBy(
      Path directory, X509CertificateHolder responder, X509CertificateHolder ca) throws Exception {
    ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
    assertNotNull(eku, "responder certificate has an EKU");
    assertTrue(eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning));
    assertNotNull(responder.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck));
    assertArrayEquals(
        ca.getSubject().getEncoded(), responder.getIssuer().getEncoded(), "issued by the CA");
    Files.writeString(directory.resolve("ca.pem"), OpenSslSm2.pem(ca.getEncoded()));
    Files.writeString(directory.resolve("responder.pem"), OpenSslSm2.pem(responder.getEncoded()));
    String verified =
        Commands.ok(
            directory,
            "openssl",
            "verify",
            "-vfyopt",
            "distid:1234567812345678",
            "-partial_chain",
            "-purpose",
            "ocsphelper",
            "-CAfile",
            "ca.pem",
            "responder.pem");
    assertTrue(verified.contains("responder.pem: OK"), verified);
  }
}
