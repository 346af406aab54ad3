package org.egovca.delivery.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.egovca.sync.SyncClient;

/**
 * One SOAP client per e-gov system endpoint, kept for the life of the application: creating a
 * client parses the bundled WSDL, which costs far more than a call. Timeouts are bounded so that a
 * system that hangs costs its own channel a few seconds, never a worker thread for good.
 */
@ApplicationScoped
class SyncClients {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final Map<URI, SyncClient> clients = new ConcurrentHashMap<>();

  SyncClient forEndpoint(URI endpoint) {
    return clients.computeIfAbsent(
        endpoint, uri -> new SyncClient(uri, CONNECT_TIMEOUT, REQUEST_TIMEOUT));
  }

  @PreDestroy
  void close() {
    clients.values().forEach(SyncClient::close);
    clients.clear();
  }
}
