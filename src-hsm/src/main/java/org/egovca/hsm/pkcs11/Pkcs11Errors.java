package org.egovca.hsm.pkcs11;

import org.egovca.hsm.CryptoTokenException;
import org.egovca.hsm.TokenAuthenticationException;
import org.egovca.hsm.TokenOfflineException;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * Turns the return values (CKR_*) of a PKCS#11 module into the token exceptions callers tell apart:
 * a wrong PIN, a token that is not logged in (or whose session is gone), and everything else, named
 * by its CKR code. The PIN never appears in a message: the module's errors do not carry it.
 */
final class Pkcs11Errors {
  static final long CKR_DEVICE_REMOVED = 0x32;
  static final long CKR_PIN_INCORRECT = 0xA0;
  static final long CKR_PIN_INVALID = 0xA1;
  static final long CKR_PIN_LEN_RANGE = 0xA2;
  static final long CKR_SESSION_CLOSED = 0xB0;
  static final long CKR_SESSION_HANDLE_INVALID = 0xB3;
  static final long CKR_TOKEN_NOT_PRESENT = 0xE0;
  static final long CKR_USER_ALREADY_LOGGED_IN = 0x100;
  static final long CKR_USER_NOT_LOGGED_IN = 0x101;

  private Pkcs11Errors() {}

  /**
   * The exception for a failed {@code action} ("sign with key ca") of the named token.
   *
   * @return a {@link TokenAuthenticationException} for a wrong PIN, a {@link TokenOfflineException}
   *     when the token is not logged in, has lost its session or is gone, otherwise a {@link
   *     CryptoTokenException} whose message names the CKR code
   */
  static CryptoTokenException map(PKCS11Exception e, String tokenName, String action) {
    long code = e.getErrorCode();
    if (code == CKR_PIN_INCORRECT || code == CKR_PIN_INVALID || code == CKR_PIN_LEN_RANGE) {
      TokenAuthenticationException wrongPin = new TokenAuthenticationException(tokenName);
      wrongPin.initCause(e);
      return wrongPin;
    }
    if (isOffline(code)) {
      TokenOfflineException offline = new TokenOfflineException(tokenName);
      offline.initCause(e);
      return offline;
    }
    return new CryptoTokenException(
        "crypto token " + tokenName + ": cannot " + action + ": " + e.getMessage(), e);
  }

  /** Whether the module says that the login or the session is gone. */
  static boolean isOffline(long code) {
    return code == CKR_USER_NOT_LOGGED_IN
        || code == CKR_SESSION_HANDLE_INVALID
        || code == CKR_SESSION_CLOSED
        || code == CKR_TOKEN_NOT_PRESENT
        || code == CKR_DEVICE_REMOVED;
  }
}
