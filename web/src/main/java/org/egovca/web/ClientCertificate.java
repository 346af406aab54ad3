package org.egovca.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;

/**
 * The TLS client certificate the browser presented in the handshake (the HTTPS listener asks for
 * one without requiring it), as the servlet container reports it.
 */
final class ClientCertificate {

  static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

  private ClientCertificate() {}

  static X509Certificate of(HttpServletRequest request) {
    Object chain = request.getAttribute(ATTRIBUTE);
    if (chain instanceof X509Certificate[] certificates && certificates.length > 0) {
      return certificates[0];
    }
    return null;
  }

  /** The DER encoding of the presented certificate, or null when none was presented. */
  static byte[] der(HttpServletRequest request) {
    X509Certificate certificate = of(request);
    if (certificate == null) {
      return null;
    }
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      return null;
    }
  }

  /** The subject of the presented certificate (RFC 2253), or null when none was presented. */
  static String subject(HttpServletRequest request) {
    X509Certificate certificate = of(request);
    return certificate == null
        ? null
        : certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  /** The issuer of the presented certificate (RFC 2253), or null when none was presented. */
  static String issuer(HttpServletRequest request) {
    X509Certificate certificate = of(request);
    return certificate == null
        ? null
        : certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
  }
}
