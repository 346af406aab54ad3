package org.egovca.sync.receiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * The one receiver of this web application, shared by the SOAP endpoint and the REST resource,
 * opened on first use from the settings {@link ReceiverStartup} hands over (the context parameters,
 * falling back to system properties). Kept in a static field rather than a CDI bean because Payara
 * creates JAX-WS POJO endpoints itself; the WAR's class loader bounds its life, so each deployed
 * receiver has its own. A failed opening (store directory not writable, identity not configured) is
 * retried on the next request.
 */
public final class SharedReceiver {

  private static UnaryOperator<String> contextParameters = name -> null;
  private static SyncReceiver receiver;

  private SharedReceiver() {}

  /** Where the settings come from; called when the web application starts. */
  static synchronized void configure(UnaryOperator<String> parameters) {
    contextParameters = parameters;
    receiver = null;
  }

  public static synchronized SyncReceiver get() {
    if (receiver == null) {
      try {
        receiver = SyncReceiver.open(ReceiverSettings.from(contextParameters));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the receiver's store", e);
      }
    }
    return receiver;
  }
}
