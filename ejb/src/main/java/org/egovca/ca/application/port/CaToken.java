package org.egovca.ca.application.port;

import java.util.List;
import java.util.Optional;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.TokenDescription;

/**
 * The crypto tokens that hold the CA keys, as the CA's services and the key custodians use them;
 * the infrastructure opens them at start ({@code ca.infrastructure.CaCryptoToken}). The software
 * token {@code ca} holds the SM2 keys (and every key where no PKCS#11 module is configured); a
 * PKCS#11 module {@code hsm}, where configured, holds the new RSA and EC keys.
 *
 * <p>A new token is used with a random PIN (the software token) or the PIN its HSM officer set (the
 * PKCS#11 module), which waits in an owner-only file until the key custodians are enrolled and hold
 * it in shares; from then on the tokens start OFFLINE and only a ceremony of three custodians
 * activates them.
 */
public interface CaToken {

  /** The CA's keys, whichever token holds each: to sign with and to make keys in. */
  CryptoToken token();

  /** The token that holds new keys of {@code algorithm}: where a backed-up key is restored. */
  CryptoToken holderFor(KeyAlgorithm algorithm);

  /** Each token: its name, kind and status. */
  List<TokenDescription> tokens();

  /**
   * Activates the token {@code tokenName} with the PIN an activation ceremony recovered; the caller
   * clears it.
   *
   * @return false if the token was active already (another ceremony was quicker)
   * @throws org.egovca.hsm.TokenAuthenticationException if the PIN is wrong
   * @throws IllegalArgumentException if there is no such token
   */
  boolean activate(String tokenName, char[] pin);

  /** Makes the token {@code tokenName} OFFLINE (a ceremony that could not activate them all). */
  void deactivate(String tokenName);

  /**
   * The PIN of the token {@code tokenName} while its custodians are not enrolled yet, read from the
   * owner-only file it waits in; empty once the custodians hold it. The caller clears it.
   */
  Optional<char[]> pendingPin(String tokenName);

  /**
   * Gives the active token {@code tokenName} a new random PIN, which replaces the waiting one, so
   * that whoever read the old PIN (the file on disk before the enrolment, an older installation's)
   * cannot use the keys once the custodians hold the new one. The caller clears it.
   *
   * @return the new PIN, or empty if the token cannot change its PIN (a PKCS#11 module: its officer
   *     changes it)
   */
  Optional<char[]> renewPendingPin(String tokenName);

  /** Deletes the waiting PIN once the custodians' shares of it have committed. */
  void forgetPendingPin(String tokenName);

  /**
   * Whether the token {@code tokenName} can change its PIN now: it is active, and not a PKCS#11
   * module (whose officer changes it).
   */
  boolean canChangePin(String tokenName);

  /**
   * Gives the active token {@code tokenName} the PIN {@code newPin} (a re-sharing): afterwards only
   * it opens the token. The caller keeps and clears {@code newPin}.
   *
   * @throws org.egovca.hsm.CryptoTokenException if the change failed; the old PIN still works
   */
  void changePin(String tokenName, char[] newPin);
}
