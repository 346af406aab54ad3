package org.egovca.ca.application.port;

import java.util.Optional;
import org.egovca.hsm.CryptoToken;

/**
 * The crypto token that holds the CA keys, as the CA's services and the key custodians use it; the
 * infrastructure opens it at start ({@code ca.infrastructure.CaCryptoToken}).
 *
 * <p>A new token is made with a random PIN, which waits on disk (owner-only) until the key
 * custodians are enrolled and hold it in shares; from then on the token starts OFFLINE and only a
 * ceremony of three custodians activates it.
 */
public interface CaToken {

  /** The token, to sign with and to make keys in. */
  CryptoToken token();

  /**
   * Activates the token with the PIN an activation ceremony recovered; the caller clears it.
   *
   * @return false if the token was active already (another ceremony was quicker)
   * @throws org.egovca.hsm.TokenAuthenticationException if the PIN is wrong
   */
  boolean activate(char[] pin);

  /**
   * The PIN of a token whose custodians are not enrolled yet, read from the owner-only file it
   * waits in; empty once the custodians hold it. The caller clears it.
   */
  Optional<char[]> pendingPin();

  /** Deletes the waiting PIN once the custodians' shares of it have committed. */
  void forgetPendingPin();
}
