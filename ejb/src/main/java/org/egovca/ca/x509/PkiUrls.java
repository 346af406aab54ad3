package org.egovca.ca.x509;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The public URLs a relying party follows from a certificate or CRL: the CRL distribution point,
 * the delta CRL, the CA issuers certificate and the OCSP responder, all under one configurable base
 * such as {@code http://ca.example.gov.cn/pki}.
 */
public record PkiUrls(URI base) {

  public static PkiUrls of(String base) {
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return new PkiUrls(URI.create(trimmed));
  }

  /** The CRL distribution point of the certificates the first key of {@code caName} issues. */
  public String crl(String caName) {
    return base + "/crl/" + encode(caName) + ".crl";
  }

  /**
   * The CRL distribution point of the certificates key {@code keyIndex} of {@code caName} issues:
   * after a key rollover each key signs the CRL of its own certificates.
   */
  public String crl(String caName, int keyIndex) {
    return keyIndex == 1 ? crl(caName) : base + "/crl/" + encode(caName) + "/" + keyIndex + ".crl";
  }

  /** Where the delta CRLs of {@code caName} are published: the freshestCRL of its complete CRLs. */
  public String deltaCrl(String caName) {
    return base + "/crl/" + encode(caName) + "-delta.crl";
  }

  /** The certificate of the first key of {@code caName} (caIssuers of what that key issues). */
  public String caCertificate(String caName) {
    return base + "/ca/" + encode(caName) + ".crt";
  }

  /**
   * The certificate of key {@code keyIndex} of {@code caName}: the caIssuers URL of the
   * certificates that key issues, so a client always finds the key that signed them.
   */
  public String caCertificate(String caName, int keyIndex) {
    return keyIndex == 1
        ? caCertificate(caName)
        : base + "/ca/" + encode(caName) + "/" + keyIndex + ".crt";
  }

  public String ocsp() {
    return base + "/ocsp";
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
