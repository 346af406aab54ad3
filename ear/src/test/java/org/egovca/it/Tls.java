package org.egovca.it;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts of an independent client: it trusts only the CA's TLS anchor ({@code tls-ca.pem}),
 * and optionally presents the demo remote RA credential ({@code remote-ra.p12}).
 */
public final class Tls {

  private Tls() {}

  static SSLContext anonymous(CaServer server) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers(server).getTrustManagers(), null);
    return context;
  }

  public static SSLContext remoteRa(CaServer server) throws Exception {
    return client(server, server.remoteRaP12(), server.remoteRaPassword());
  }

  /**
   * The login certificate of one of the first two security administrators ({@code admin}, {@code
   * admin2}), with which they call {@code CaAdminService}.
   */
  static SSLContext securityAdmin(CaServer server, String username) throws Exception {
    return client(server, server.operatorP12(username), server.operatorP12Password(username));
  }

  private static SSLContext client(CaServer server, Path p12, Path passwordFile) throws Exception {
    return client(server, p12, Files.readString(passwordFile).strip().toCharArray());
  }

  /** A client presenting the key and certificate of the PKCS#12 file {@code p12}. */
  static SSLContext client(CaServer server, Path p12, char[] password) throws Exception {
    KeyStore credential = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      credential.load(in, password);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(credential, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trustManagers(server).getTrustManagers(), null);
    return context;
  }

  private static TrustManagerFactory trustManagers(CaServer server) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(
        "egovca-tls-ca", certificate(server.dataDirectory().resolve("tls-ca.pem")));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    return factory;
  }

  /**
   * Connects to the HTTPS listener without a client certificate and sends {@code request}: the
   * listener demands a certificate in the TLS handshake, so no HTTP answer may come back. With TLS
   * 1.3 the server judges the client's empty certificate after the client's part of the handshake,
   * so the refusal arrives as an alert or a closed connection when reading.
   *
   * @return what the client saw instead of an answer (the exception, or end of stream)
   * @throws AssertionError when an HTTP answer came back
   */
  static String refusedInHandshake(CaServer server, String request) throws Exception {
    return refusedInHandshake(server, anonymous(server), request);
  }

  /**
   * Connects to the HTTPS listener as the client {@code client} and sends {@code request}, as
   * {@link #refusedInHandshake(CaServer, String)} does: for a client whose certificate the listener
   * must refuse in the handshake.
   */
  static String refusedInHandshake(CaServer server, SSLContext client, String request)
      throws Exception {
    URI https = URI.create(server.httpsBase());
    try (SSLSocket socket =
        (SSLSocket) client.getSocketFactory().createSocket(https.getHost(), https.getPort())) {
      socket.setSoTimeout(10_000);
      try {
        socket.startHandshake();
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        byte[] answer = socket.getInputStream().readNBytes(64);
        if (answer.length > 0) {
          throw new AssertionError(
              "the HTTPS listener answered a client it must refuse in the handshake: "
                  + new String(answer, StandardCharsets.ISO_8859_1));
        }
        return "end of stream";
      } catch (SSLException | SocketException refused) {
        return refused.toString();
      }
    }
  }

  /** A POST of {@code body} to {@code path} as raw HTTP/1.1. */
  static String post(String path, String contentType, String body) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
        + contentType
        + "\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  static X509Certificate certificate(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
