package org.egovca.delivery.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.delivery.domain.ServerTrustAnchors;
import org.egovca.sync.SyncClient;

/**
 * One SOAP client per e-gov system endpoint and trust, kept for the life of the application:
 * creating a client parses the bundled WSDL, which costs far more than a call. An {@code https://}
 * client trusts exactly the system's server trust anchors, never the server's trust store (which
 * holds this CA's own RSA TLS CA, the issuer of holders' server certificates); a plain {@code
 * http://} one exists only for a system an administrator allowed it for. Timeouts are bounded so
 * that a system that hangs costs its own queue a few seconds, never a worker thread for good.
 */
@ApplicationScoped
class SyncClients {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** A client is reused only for the same endpoint, allowance and anchors. */
  private record Key(URI endpoint, boolean plainHttpAllowed, ServerTrustAnchors anchors) {}

  private final Map<Key, SyncClient> clients = new ConcurrentHashMap<>();

  /**
   * The client for {@code system}'s current subscription.
   *
   * @throws IllegalStateException when the system's subscription breaks the https rule (a system
   *     registered before the rule, with http:// and no allowance, or https:// and no anchors); its
   *     deliveries wait until an administrator fixes the subscription
   */
  SyncClient forSystem(EgovSystem system) {
    Key key =
        new Key(system.getEndpoint(), system.isPlainHttpAllowed(), system.getServerTrustAnchors());
    return clients.computeIfAbsent(key, SyncClients::create);
  }

  private static SyncClient create(Key key) {
    boolean https = "https".equalsIgnoreCase(key.endpoint().getScheme());
    if (https && !key.anchors().isEmpty()) {
      return SyncClient.overHttps(
          key.endpoint(), key.anchors().certificates(), CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }
    if (!https && key.plainHttpAllowed()) {
      return SyncClient.overPlainHttp(key.endpoint(), CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }
    throw new IllegalStateException(
        https
            ? "the e-gov system has no server trust anchors for its https:// endpoint: an"
                + " administrator must give them"
            : EgovSystem.Subscription.HTTPS_RULE);
  }

  @PreDestroy
  void close() {
    clients.values().forEach(SyncClient::close);
    clients.clear();
  }
}
