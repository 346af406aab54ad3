package org.egovca.ca.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;
import org.egovca.ca.application.CaConfiguration;

/**
 * Whether this server's HTTPS listener serves what the CA promises its clients: the server
 * certificate issued by the CA's RSA TLS CA, and a handshake that demands a client certificate from
 * that CA and from no other issuer (RA systems, e-gov systems, operators: a certificate of any
 * other CA, such as the public roots of Payara's own trust store, must not complete the handshake).
 * On a first start the listener serves Payara's self-signed certificate until the start script
 * installs the CA-issued one, and for a while after; {@code GET /pki/health} is not 200 until this
 * check passes.
 *
 * <p>The check is a TLS handshake with the listener on loopback that presents no certificate: the
 * server's certificate must verify under {@code tls-ca.pem}; the server's certificate request must
 * name the TLS CA, and only it, as the acceptable issuer (JSSE names every anchor of the listener's
 * trust store there); and the server must then end the connection instead of answering. No private
 * key is needed. A passing result is reused for a few seconds, and only one check runs at a time
 * (health requests and the handshake share the server's threads).
 */
@ApplicationScoped
public class HttpsListenerCheck {

  /** The listener's port, set by the start script. */
  public static final String PORT = "egovca.https.port";

  private static final int DEFAULT_PORT = 8181;
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final Duration REUSE = Duration.ofSeconds(10);

  /** What the listener was found to serve. */
  public enum State {
    /** The CA-issued certificate, and client certificates of the TLS CA (only) demanded. */
    SERVING,
    /** Another server certificate, or a trust store without the TLS CA (not installed yet). */
    NOT_INSTALLED,
    /** Client certificates of other issuers than the TLS CA are accepted too. */
    OTHER_CLIENT_ISSUERS_TRUSTED,
    /** The listener answers a client that presents no certificate. */
    CLIENT_CERTIFICATE_OPTIONAL,
    /** No TLS handshake on the port. */
    UNREACHABLE,
    /** The CA has not written its TLS CA certificate yet. */
    NO_TLS_CA
  }

  @Inject private CaConfiguration configuration;

  private final ReentrantLock checking = new ReentrantLock();
  private volatile State last = State.UNREACHABLE;
  private volatile long lastServingAt;

  /** The listener's state now, or the last one found while another check is running. */
  public State state() {
    if (last == State.SERVING && System.nanoTime() - lastServingAt < REUSE.toNanos()) {
      return last;
    }
    if (!checking.tryLock()) {
      return last;
    }
    try {
      Path tlsCa = configuration.dataDirectory().resolve("tls-ca.pem");
      State found =
          Files.isRegularFile(tlsCa)
              ? check(
                  new InetSocketAddress("127.0.0.1", Integer.getInteger(PORT, DEFAULT_PORT)),
                  readCertificate(tlsCa),
                  TIMEOUT)
              : State.NO_TLS_CA;
      if (found == State.SERVING) {
        lastServingAt = System.nanoTime();
      }
      last = found;
      return found;
    } finally {
      checking.unlock();
    }
  }

  /** One handshake with {@code listener}, judged against the TLS CA {@code tlsCa}. */
  public static State check(InetSocketAddress listener, X509Certificate tlsCa, Duration timeout) {
    Observer observer = new Observer();
    boolean answered;
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {observer}, new TrustManager[] {observer.trust}, null);
      try (Socket plain = new Socket()) {
        plain.connect(listener, (int) timeout.toMillis());
        plain.setSoTimeout((int) timeout.toMillis());
        try (SSLSocket socket =
            (SSLSocket)
                context
                    .getSocketFactory()
                    .createSocket(plain, listener.getHostString(), listener.getPort(), false)) {
          answered = answersWithoutClientCertificate(socket);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS client", e);
    } catch (IOException e) {
      return observer.serverChain == null ? State.UNREACHABLE : judge(observer, tlsCa, false);
    }
    return judge(observer, tlsCa, answered);
  }

  /**
   * Completes the handshake without a certificate and sends a request. With TLS 1.3 the server
   * judges the client's (empty) certificate after the client has finished its part of the
   * handshake, so the refusal arrives as an alert or a closed connection when reading.
   */
  private static boolean answersWithoutClientCertificate(SSLSocket socket) throws IOException {
    try {
      socket.startHandshake();
      OutputStream out = socket.getOutputStream();
      out.write(
          "HEAD /pki/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return in.read() != -1;
    } catch (SSLException refused) {
      return false;
    }
  }

  private static State judge(Observer observer, X509Certificate tlsCa, boolean answered) {
    if (observer.serverChain == null || observer.serverChain.length == 0) {
      return State.UNREACHABLE;
    }
    if (!issuedBy(observer.serverChain[0], tlsCa)) {
      return State.NOT_INSTALLED;
    }
    if (observer.acceptableIssuers == null || answered) {
      return State.CLIENT_CERTIFICATE_OPTIONAL;
    }
    X500Principal anchor = tlsCa.getSubjectX500Principal();
    Principal[] acceptable = observer.acceptableIssuers;
    if (Arrays.stream(acceptable).noneMatch(anchor::equals)) {
      return State.NOT_INSTALLED;
    }
    return Arrays.stream(acceptable).allMatch(anchor::equals)
        ? State.SERVING
        : State.OTHER_CLIENT_ISSUERS_TRUSTED;
  }

  private static boolean issuedBy(X509Certificate certificate, X509Certificate ca) {
    if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(ca.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static X509Certificate readCertificate(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the TLS CA certificate " + pem, e);
    }
  }

  /**
   * Sees what the server presents and what it asks for, and presents nothing: the key manager has
   * no key, and the trust manager records the chain for {@link #judge} instead of deciding itself.
   */
  private static final class Observer extends X509ExtendedKeyManager {
    volatile X509Certificate[] serverChain;
    volatile Principal[] acceptableIssuers;

    final X509ExtendedTrustManager trust =
        new X509ExtendedTrustManager() {
          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) {
            serverChain = chain.clone();
          }

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) {
            serverChain = chain.clone();
          }

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {
            serverChain = chain.clone();
          }

          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) {
            throw new UnsupportedOperationException("a client only");
          }

          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) {
            throw new UnsupportedOperationException("a client only");
          }

          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client only");
          }

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      acceptableIssuers = issuers == null ? new Principal[0] : issuers.clone();
      return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine e) {
      acceptableIssuers = issuers == null ? new Principal[0] : issuers.clone();
      return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return new String[0];
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return new X509Certificate[0];
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return null;
    }
  }
}
