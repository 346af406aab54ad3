package org.egovca.ca.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.x509.OfflineToken;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.TokenStatus;

/**
 * The CA's background signing work — CRLs, the renewal of delegated OCSP responders and sync
 * signers, sync messages to e-gov systems — and the state of the CA's crypto token. While the token
 * waits for its key custodians (CPS §6.5.2) that work is skipped, not failed: nothing is signed, no
 * delivery attempt is spent, and the log says so once, when the token is found offline, and once
 * more when it is found active again (each skip itself is logged at FINE only). What fell due
 * meanwhile is done after the activation ({@link SigningCatchUp}).
 */
@ApplicationScoped
public class BackgroundSigning {

  private static final Logger LOG = Logger.getLogger(BackgroundSigning.class.getName());

  @Inject private CaToken caToken;

  private final TokenStateChanges changes = new TokenStateChanges();

  /** Whether the CA token is active now, so that {@code work} may sign; logs a change of state. */
  public boolean mayRun(String work) {
    CryptoToken token = caToken.token();
    TokenStatus status = token == null ? TokenStatus.OFFLINE : token.status();
    seen(token == null ? "ca" : token.name(), status);
    if (status != TokenStatus.ACTIVE) {
      LOG.fine(() -> work + " skipped: the CA crypto token is offline");
      return false;
    }
    return true;
  }

  /**
   * Whether {@code failure} of {@code work} is the token found offline while the work ran (it was
   * deactivated after {@link #mayRun} said yes): then it is a skip like any other, logged as one,
   * and the caller does not report it as a fault.
   */
  public boolean stoppedByOfflineToken(String work, RuntimeException failure) {
    if (!OfflineToken.causedBy(failure)) {
      return false;
    }
    CryptoToken token = caToken.token();
    seen(token == null ? "ca" : token.name(), TokenStatus.OFFLINE);
    LOG.log(Level.FINE, work + " stopped: the CA crypto token went offline", failure);
    return true;
  }

  private void seen(String tokenName, TokenStatus status) {
    changes
        .seen(tokenName, status)
        .ifPresent(
            news -> {
              if (news == TokenStatus.OFFLINE) {
                LOG.warning(
                    () ->
                        "The CA crypto token '"
                            + tokenName
                            + "' is OFFLINE: its keys wait for activation by the key custodians"
                            + " (CPS 6.5.2). Until then the CA refuses to sign (TOKEN_OFFLINE),"
                            + " OCSP answers tryLater, and CRLs, delegated signer renewals and"
                            + " sync deliveries to e-gov systems wait.");
              } else {
                LOG.info(
                    () ->
                        "The CA crypto token '"
                            + tokenName
                            + "' is ACTIVE: the CA signs again, and catches up with the CRLs"
                            + " and delegated signers that fell due while it waited.");
              }
            });
  }
}
