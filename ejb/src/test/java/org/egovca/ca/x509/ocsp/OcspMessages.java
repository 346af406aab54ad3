package org.egovca.ca.x509.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
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
import org.egovca.ca.testing.TestKeys;

/** Builds requests and reads responses with BouncyCastle's OCSP client classes. */
final class OcspMessages {

  private OcspMessages() {}

  /** A DER OCSPRequest for {@code ids}, with a nonce extension unless {@code nonce} is null. */
  static byte[] request(byte[] nonce, CertificateID... ids) {
    OCSPReqBuilder builder = new OCSPReqBuilder();
    for (CertificateID id : ids) {
      builder.addRequest(id);
    }
    if (nonce != null) {
      builder.setRequestExtensions(new Extensions(nonceExtension(nonce)));
    }
    try {
      return builder.build().getEncoded();
    } catch (OCSPException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Extension nonceExtension(byte[] nonce) {
    try {
      return new Extension(
          OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
          false,
          new DEROctetString(new DEROctetString(nonce).getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OCSPResp parse(byte[] response) {
    try {
      return new OCSPResp(response);
    } catch (IOException e) {
      throw new AssertionError("not an OCSPResponse", e);
    }
  }

  static BasicOCSPResp basic(byte[] response) {
    OCSPResp resp = parse(response);
    if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
      throw new AssertionError("response status " + resp.getStatus());
    }
    try {
      return (BasicOCSPResp) resp.getResponseObject();
    } catch (OCSPException e) {
      throw new AssertionError(e);
    }
  }

  static boolean signatureValid(BasicOCSPResp response, X509CertificateHolder signer) {
    try {
      return response.isSignatureValid(
          new JcaContentVerifierProviderBuilder().setProvider(TestKeys.BC).build(signer));
    } catch (OperatorCreationException | OCSPException | CertificateException e) {
      throw new AssertionError(e);
    }
  }
}
