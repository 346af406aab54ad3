package org.egovca.servicetier;

import org.egovca.ca.application.port.CaToken;
import org.egovca.custody.application.DemoCustodians;
import org.egovca.hsm.CryptoToken;

/**
 * The CA's crypto token taken offline for a test, as a production CA's token is after a restart
 * until its key custodians activate it; closing it activates the token again, so the tests that
 * follow (they share the token) find it active:
 *
 * <pre>{@code
 * try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
 *   // the CA refuses to sign
 * }
 * // active again
 * }</pre>
 */
public final class OfflineCaToken implements AutoCloseable {

  private OfflineCaToken() {}

  /** Deactivates the CA token. */
  public static OfflineCaToken takeOffline() {
    token().deactivate();
    return new OfflineCaToken();
  }

  /** Activates the CA token again ({@link #activateByTheCustodians()}). */
  @Override
  public void close() {
    activateByTheCustodians();
  }

  /**
   * Activates an OFFLINE CA token as the embedded default does at every start: three of its demo
   * key custodians in a recorded ceremony, which announces {@code CaTokenActivated} (the signing
   * work that waited is queued then).
   */
  public static void activateByTheCustodians() {
    ServiceContainer.running().weld().select(DemoCustodians.class).get().activate();
  }

  /** The CA token the services use. */
  public static CryptoToken token() {
    return ServiceContainer.running().weld().select(CaToken.class).get().token();
  }
}
