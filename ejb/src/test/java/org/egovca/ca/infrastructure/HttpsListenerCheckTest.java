package org.egovca.ca.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.egovca.ca.infrastructure.HttpsListenerCheck.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handshake check behind {@code /pki/health}, against real JSSE servers on loopback: only a
 * listener that presents the certificate the TLS CA issued AND refuses a client without a
 * certificate of that CA AND trusts no other client issuer is {@link State#SERVING}.
 */
class HttpsListenerCheckTest {

  private static KeyPair tlsCaKeys;
  private static X509Certificate tlsCa;
  private static KeyPair serverKeys;
  private static X509Certificate caIssued;
  private static X509Certificate selfSigned;
  private static X509Certificate otherCa;

  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private SSLServerSocket server;

  @BeforeAll
  static void certificates() throws Exception {
    tlsCaKeys = rsa();
    tlsCa =
        certificate("CN=iFutureCA RSA,C=CN", tlsCaKeys, "CN=iFutureCA RSA,C=CN", tlsCaKeys, true);
    serverKeys = rsa();
    caIssued = certificate("CN=localhost", serverKeys, "CN=iFutureCA RSA,C=CN", tlsCaKeys, false);
    selfSigned = certificate("CN=localhost", serverKeys, "CN=localhost", serverKeys, false);
    KeyPair otherKeys = rsa();
    otherCa = certificate("CN=Other CA", otherKeys, "CN=Other CA", otherKeys, true);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void theCaIssuedCertificateWithClientCertificatesOfTheTlsCaDemandedIsServing() throws Exception {
    assertEquals(State.SERVING, check(listen(caIssued, tlsCa, true)));
  }

  @Test
  void payarasOwnCertificateIsNotInstalled() throws Exception {
    assertEquals(State.NOT_INSTALLED, check(listen(selfSigned, tlsCa, true)));
  }

  @Test
  void aTrustStoreWithoutTheTlsCaIsNotInstalled() throws Exception {
    assertEquals(State.NOT_INSTALLED, check(listen(caIssued, otherCa, true)));
  }

  @Test
  void aTrustStoreWithOtherIssuersBesideTheTlsCaTrustsOtherClientIssuers() throws Exception {
    assertEquals(State.OTHER_CLIENT_ISSUERS_TRUSTED, check(listen(caIssued, true, tlsCa, otherCa)));
  }

  @Test
  void aListenerThatAnswersWithoutAClientCertificateIsRefused() throws Exception {
    assertEquals(State.CLIENT_CERTIFICATE_OPTIONAL, check(listen(caIssued, tlsCa, false)));
  }

  @Test
  void noListenerIsUnreachable() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    assertEquals(State.UNREACHABLE, check(port));
  }

  @Test
  void aPlainTcpServiceIsUnreachable() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      executor.submit(
          () -> {
            try (var socket = plain.accept()) {
              socket.getOutputStream().write("HTTP/1.1 400 \r\n\r\n".getBytes());
            }
            return null;
          });
      assertEquals(State.UNREACHABLE, check(plain.getLocalPort()));
    }
  }

  private static State check(int port) {
    return HttpsListenerCheck.check(
        new InetSocketAddress("127.0.0.1", port), tlsCa, Duration.ofSeconds(3));
  }

  private int listen(X509Certificate certificate, X509Certificate clientCa, boolean need)
      throws Exception {
    return listen(certificate, need, clientCa);
  }

  /**
   * A TLS server on loopback with {@code certificate}, trusting {@code clientCas}, that needs (or
   * only wants) a client certificate and answers every request it reads with a small HTTP response.
   */
  private int listen(X509Certificate certificate, boolean need, X509Certificate... clientCas)
      throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "server", serverKeys.getPrivate(), "pw".toCharArray(), new X509Certificate[] {certificate});
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
    keyManagers.init(keys, "pw".toCharArray());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    for (int i = 0; i < clientCas.length; i++) {
      trust.setCertificateEntry("client-ca-" + i, clientCas[i]);
    }
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
    trustManagers.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    if (need) {
      server.setNeedClientAuth(true);
    } else {
      server.setWantClientAuth(true);
    }
    SSLServerSocket listening = server;
    executor.submit(
        () -> {
          while (!listening.isClosed()) {
            try (SSLSocket socket = (SSLSocket) listening.accept()) {
              InputStream in = socket.getInputStream();
              if (in.read() != -1) {
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
              }
            } catch (IOException refusedOrClosed) {
              // the handshake was refused, or the server socket closed at the end of the test
            }
          }
          return null;
        });
    return server.getLocalPort();
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(
      String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys, boolean ca)
      throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name(issuer),
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minusSeconds(60)),
            Date.from(now.plus(Duration.ofDays(1))),
            new X500Name(subject),
            subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    PrivateKey signer = issuerKeys.getPrivate();
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
  }
}
