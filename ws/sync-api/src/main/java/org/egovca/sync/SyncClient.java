package org.egovca.sync;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.egovca.sync.wire.WireMessages;
import org.egovca.sync.ws.CertificateSyncPortType;
import org.egovca.sync.ws.CertificateSyncService;
import org.egovca.sync.ws.SyncFault;
import org.egovca.sync.ws.SyncFaultDetail;
import org.egovca.sync.ws.SyncReceipt;

/**
 * The SOAP client for one receiver endpoint (one subscription of an e-gov system).
 *
 * <p>A receipt counts only if it names the message id and the SHA-256 of the canonical payload that
 * was sent. Over {@code https://} (the rule; {@link #overHttps}) it is authentic because the server
 * certificate is checked against the anchors configured for that receiver and nothing else; plain
 * {@code http://} ({@link #overPlainHttp}) is for test systems an administrator allowed it for.
 *
 * <p>Built for many deliveries from a few threads: the bundled WSDL is parsed once per class loader
 * (never fetched from the receiver's {@code ?wsdl}), and each client makes one port at construction
 * and reuses it. Metro, the JAX-WS of Payara, allows concurrent calls on one port as long as its
 * request context is not changed, and this class sets it only in the constructor: endpoint address,
 * TLS trust, connect timeout and request timeout, so that a stalled receiver cannot hold a delivery
 * thread.
 */
public final class SyncClient implements AutoCloseable {

  /** Where the WSDL is in this jar; the generated service class reads the same resource. */
  public static final String WSDL_RESOURCE = "/META-INF/wsdl/CertificateSyncService.wsdl";

  /** Metro's request-context properties, in milliseconds ({@code JAXWSProperties}). */
  private static final String CONNECT_TIMEOUT = "com.sun.xml.ws.connect.timeout";

  private static final String REQUEST_TIMEOUT = "com.sun.xml.ws.request.timeout";

  /** Metro's request-context properties for HTTPS ({@code JAXWSProperties}). */
  private static final String SSL_SOCKET_FACTORY =
      "com.sun.xml.ws.transport.https.client.SSLSocketFactory";

  private static final String HOSTNAME_VERIFIER =
      "com.sun.xml.ws.transport.https.client.hostname.verifier";

  /**
   * The JDK checks the server certificate against the URL's host (RFC 2818) itself and asks a
   * hostname verifier only about a mismatch; this one accepts none. Set explicitly so that a lax
   * default some other code in the server may install never applies to the CA's connections.
   */
  private static final HostnameVerifier STANDARD_HOST_CHECK_ONLY = (host, session) -> false;

  private static final int MAX_FAULT_MESSAGE = 500;
  private static final Logger LOG = Logger.getLogger(SyncClient.class.getName());

  private final String endpointName;
  private final CertificateSyncPortType port;

  private SyncClient(
      URI endpoint, SSLSocketFactory tls, Duration connectTimeout, Duration requestTimeout) {
    this.endpointName = withoutSecrets(endpoint);
    this.port = BundledService.INSTANCE.getCertificateSyncPort();
    Map<String, Object> requestContext = ((BindingProvider) port).getRequestContext();
    requestContext.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, endpoint.toString());
    requestContext.put(CONNECT_TIMEOUT, millis("connectTimeout", connectTimeout));
    requestContext.put(REQUEST_TIMEOUT, millis("requestTimeout", requestTimeout));
    if (tls != null) {
      requestContext.put(SSL_SOCKET_FACTORY, tls);
      requestContext.put(HOSTNAME_VERIFIER, STANDARD_HOST_CHECK_ONLY);
    }
  }

  /**
   * A client for an {@code https://} receiver that trusts only {@code trustAnchors}: the CA
   * certificates that issued the receiver's server certificate, or that certificate itself. Never
   * the JVM's or the server's trust store, which may trust CAs that issue server certificates to
   * anyone who asks (this CA's own RSA CA among them). The server certificate must also name the
   * endpoint's host.
   *
   * @param trustAnchors at least one certificate
   * @throws IllegalArgumentException when the endpoint is not https or no anchor is given
   */
  public static SyncClient overHttps(
      URI endpoint,
      List<X509Certificate> trustAnchors,
      Duration connectTimeout,
      Duration requestTimeout) {
    requireScheme(endpoint, "https");
    return new SyncClient(endpoint, tls(trustAnchors), connectTimeout, requestTimeout);
  }

  /**
   * A client for an {@code http://} receiver: neither the receiver nor its receipts are
   * authenticated, so only for a test system an administrator explicitly allowed plain HTTP for.
   *
   * @throws IllegalArgumentException when the endpoint is not http
   */
  public static SyncClient overPlainHttp(
      URI endpoint, Duration connectTimeout, Duration requestTimeout) {
    requireScheme(endpoint, "http");
    return new SyncClient(endpoint, null, connectTimeout, requestTimeout);
  }

  /**
   * Delivers a certificate sync message.
   *
   * @param signature the CA's detached CMS signature over {@link
   *     CanonicalPayload#of(CertificateSync)}
   * @throws SyncDeliveryException when the receiver was not reached in time or rejected the message
   */
  public SyncOutcome send(CertificateSync message, byte[] signature) throws SyncDeliveryException {
    String messageId = message.messageId();
    try {
      return receipt(
          port.syncCertificate(WireMessages.request(message, signature)).getReceipt(),
          messageId,
          CanonicalPayload.of(message));
    } catch (SyncFault fault) {
      throw rejected(fault, messageId);
    } catch (WebServiceException e) {
      throw notDelivered(e, messageId);
    }
  }

  /**
   * Delivers a CRL sync message.
   *
   * @param signature the CA's detached CMS signature over {@link CanonicalPayload#of(CrlSync)}
   * @throws SyncDeliveryException when the receiver was not reached in time or rejected the message
   */
  public SyncOutcome send(CrlSync message, byte[] signature) throws SyncDeliveryException {
    String messageId = message.messageId();
    try {
      return receipt(
          port.syncCrl(WireMessages.request(message, signature)).getReceipt(),
          messageId,
          CanonicalPayload.of(message));
    } catch (SyncFault fault) {
      throw rejected(fault, messageId);
    } catch (WebServiceException e) {
      throw notDelivered(e, messageId);
    }
  }

  /** Releases the port's resources; the client is not used afterwards. */
  @Override
  public void close() {
    if (port instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing the sync port for {0} failed", endpointName);
      }
    }
  }

  /**
   * The outcome the receipt states, if it is the receipt for what was sent: the same message id and
   * the digest of the same payload. Anything else is not a delivery; the CA sends again.
   */
  private SyncOutcome receipt(SyncReceipt receipt, String messageId, byte[] payload)
      throws SyncDeliveryException {
    try {
      return WireMessages.outcome(receipt, messageId, payload);
    } catch (IllegalArgumentException e) {
      throw new SyncDeliveryException(
          endpointName + " answered message " + messageId + " wrongly: " + e.getMessage(), e);
    }
  }

  private SyncDeliveryException rejected(SyncFault fault, String messageId) {
    SyncFaultDetail detail = fault.getFaultInfo();
    String code = detail == null || detail.getCode() == null ? "UNKNOWN" : detail.getCode();
    String reason = detail == null ? fault.getMessage() : detail.getMessage();
    return new SyncDeliveryException(
        code,
        endpointName
            + " rejected message "
            + messageId
            + " with "
            + code
            + ": "
            + printable(reason));
  }

  private SyncDeliveryException notDelivered(WebServiceException e, String messageId) {
    return new SyncDeliveryException(
        "message " + messageId + " not delivered to " + endpointName + ": " + cause(e), e);
  }

  /**
   * What went wrong, in an operator's words: the innermost cause's message ("Connection refused",
   * "Read timed out"), without Java class names, which operators need not read.
   */
  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return printable(message == null || message.isBlank() ? "no answer" : message);
  }

  /** The receiver's text goes into the CA's logs: keep it short and on one line. */
  private static String printable(String text) {
    if (text == null) {
      return "";
    }
    String oneLine = text.replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() <= MAX_FAULT_MESSAGE
        ? oneLine
        : oneLine.substring(0, MAX_FAULT_MESSAGE) + "...";
  }

  /** The address as it may appear in messages and logs: no user info, query or fragment. */
  private static String withoutSecrets(URI endpoint) {
    return endpoint.getScheme()
        + "://"
        + endpoint.getHost()
        + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort())
        + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath());
  }

  private static void requireScheme(URI endpoint, String scheme) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (!scheme.equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
      throw new IllegalArgumentException(
          "this sync client needs an " + scheme + ":// address with a host");
    }
  }

  /** TLS that trusts exactly these anchors, through the JDK's PKIX validation. */
  private static SSLSocketFactory tls(List<X509Certificate> trustAnchors) {
    if (trustAnchors == null || trustAnchors.isEmpty()) {
      throw new IllegalArgumentException(
          "an https sync endpoint needs the certificates to trust for its server");
    }
    try {
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      for (int i = 0; i < trustAnchors.size(); i++) {
        anchors.setCertificateEntry("anchor-" + i, trustAnchors.get(i));
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
      trust.init(anchors);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(
          "cannot set up TLS for the sync client: " + e.getMessage(), e);
    }
  }

  private static Integer millis(String name, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(name + " must be positive (zero would wait forever)");
    }
    return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }

  /** One Service per class loader: creating it parses the WSDL, which is the slow part. */
  private static final class BundledService {
    static final CertificateSyncService INSTANCE = create();

    private static CertificateSyncService create() {
      URL wsdl = SyncClient.class.getResource(WSDL_RESOURCE);
      if (wsdl == null) {
        throw new IllegalStateException(WSDL_RESOURCE + " is missing from the sync-api jar");
      }
      return new CertificateSyncService(wsdl);
    }
  }
}
