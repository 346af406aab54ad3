package org.egovca.delivery.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The certificates the CA trusts for one e-gov system's HTTPS sync endpoint, and nothing else: the
 * CA certificate(s) that issued the system's server certificate, or the server certificate itself
 * (pinning it). Never the server's trust store, which holds this CA's own RSA TLS CA: it issues TLS
 * server certificates to holders through the RA, so trusting it for the CA's outgoing connections
 * would let anyone with such a certificate for the system's host name take the deliveries and
 * answer for the system. Given as PEM at registration; checked before it is parsed (size, number of
 * certificates), kept as PEM.
 */
public final class ServerTrustAnchors {

  /** The most PEM text accepted, checked before parsing. */
  public static final int MAX_PEM_CHARACTERS = 32 * 1024;

  /** The most certificates accepted. */
  public static final int MAX_CERTIFICATES = 8;

  private static final ServerTrustAnchors NONE = new ServerTrustAnchors(List.of());

  private final List<X509Certificate> certificates;

  private ServerTrustAnchors(List<X509Certificate> certificates) {
    this.certificates = List.copyOf(certificates);
  }

  /** No anchors: for an {@code http://} endpoint. */
  public static ServerTrustAnchors none() {
    return NONE;
  }

  /**
   * The anchors in {@code pem}: one or more PEM CERTIFICATE blocks; null or blank for none.
   *
   * @throws IllegalArgumentException naming what is wrong: too long, too many, not a certificate
   */
  public static ServerTrustAnchors parse(String pem) {
    if (pem == null || pem.isBlank()) {
      return NONE;
    }
    if (pem.length() > MAX_PEM_CHARACTERS) {
      throw new IllegalArgumentException(
          "the server trust anchors are longer than " + MAX_PEM_CHARACTERS + " characters");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (PemObject object = reader.readPemObject();
          object != null;
          object = reader.readPemObject()) {
        if (!"CERTIFICATE".equals(object.getType())) {
          throw new IllegalArgumentException(
              "the server trust anchors hold a " + object.getType() + ", not a CERTIFICATE");
        }
        if (certificates.size() == MAX_CERTIFICATES) {
          throw new IllegalArgumentException(
              "the server trust anchors hold more than " + MAX_CERTIFICATES + " certificates");
        }
        certificates.add(
            (X509Certificate)
                factory.generateCertificate(new ByteArrayInputStream(object.getContent())));
      }
    } catch (IllegalArgumentException refused) {
      throw refused;
    } catch (IOException | CertificateException | RuntimeException e) {
      throw new IllegalArgumentException(
          "the server trust anchors are not PEM certificates: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(
          "the server trust anchors hold no -----BEGIN CERTIFICATE----- block");
    }
    return new ServerTrustAnchors(certificates);
  }

  public boolean isEmpty() {
    return certificates.isEmpty();
  }

  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** The anchors as PEM, as stored; empty text for none. */
  public String pem() {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      for (X509Certificate certificate : certificates) {
        writer.writeObject(new PemObject("CERTIFICATE", certificate.getEncoded()));
      }
    } catch (IOException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot write the trust anchors as PEM", e);
    }
    return text.toString();
  }

  /**
   * Each anchor's subject and SHA-256 fingerprint, the way an operator compares them with what the
   * system's administrator gave out of band; "none" for none.
   */
  public String describe() {
    if (certificates.isEmpty()) {
      return "none";
    }
    return certificates.stream()
        .map(c -> c.getSubjectX500Principal().getName() + " SHA-256 " + fingerprint(c))
        .collect(Collectors.joining("; "));
  }

  /** The SHA-256 of the certificate's DER in upper-case hex pairs, as {@code openssl} shows it. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint a certificate", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServerTrustAnchors that && pem().equals(that.pem());
  }

  @Override
  public int hashCode() {
    return pem().hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
