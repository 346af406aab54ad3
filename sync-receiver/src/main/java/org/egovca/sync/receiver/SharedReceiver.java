package org.egovca.sync.receiver;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one receiver of this web application, shared by the SOAP endpoint and the REST resource,
 * opened on first use from the system properties. Kept in a static field rather than a CDI bean
 * because Payara creates JAX-WS POJO endpoints itself; the WAR's class loader bounds its life. A
 * failed opening (store directory not writable) is retried on the next request.
 */
public final class SharedReceiver {

  private static SyncReceiver receiver;

  private SharedReceiver() {}

  public static synchronized SyncReceiver get() {
    if (receiver == null) {
      try {
        receiver = SyncReceiver.open(ReceiverSettings.fromSystemProperties());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the receiver's store", e);
      }
    }
    return receiver;
  }
}
