package org.egovca.ca.x509;

import java.util.function.Supplier;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.hsm.TokenOfflineException;

/**
 * What the CA answers when the crypto token that holds its keys is offline, waiting for its key
 * custodians (CPS §6.5.2): the typed {@link TokenOfflineException} of the token becomes the refusal
 * {@link RefusalCode#TOKEN_OFFLINE}, which rolls the caller's transaction back like every refusal,
 * so a request that needed a signature leaves nothing written — never a certificate that was not
 * signed, or signed by another key.
 */
public final class OfflineToken {

  /** The console's message key of the refusal. */
  public static final String MESSAGE_KEY = "ca.tokenOffline";

  /** The refusal's words, for every interface but the console (which translates the key). */
  public static final String MESSAGE =
      "the CA's keys wait for activation by the key custodians (CPS 6.5.2): nothing is signed until"
          + " three of them have activated the CA's crypto token; ask again once it is active";

  private OfflineToken() {}

  /** The refusal of a request that needed the CA's keys while the token was offline. */
  public static Refusal refusal() {
    return new Refusal(RefusalCode.TOKEN_OFFLINE, MESSAGE_KEY, MESSAGE);
  }

  /**
   * Runs {@code keyUse}, work that needs the token's private keys (signing, making a key pair); an
   * offline token refuses it with {@link RefusalCode#TOKEN_OFFLINE}.
   */
  public static <T> T refusedWhileOffline(Supplier<T> keyUse) {
    try {
      return keyUse.get();
    } catch (TokenOfflineException offline) {
      throw refusal();
    }
  }

  /**
   * Whether {@code failure}, or one of its causes, is an offline token: what a background job
   * checks to tell "wait for the custodians" from a fault (the container wraps what a session bean
   * throws, and some builders wrap what the signer throws).
   */
  public static boolean causedBy(Throwable failure) {
    Throwable cause = failure;
    // a bounded walk: a chain of causes may loop
    for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
      if (cause instanceof TokenOfflineException
          || cause instanceof Refusal refusal && refusal.code() == RefusalCode.TOKEN_OFFLINE) {
        return true;
      }
    }
    return false;
  }
}
