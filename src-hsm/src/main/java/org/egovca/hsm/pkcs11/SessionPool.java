package org.egovca.hsm.pkcs11;

import static java.nio.charset.StandardCharsets.UTF_8;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKS_RO_USER_FUNCTIONS;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKS_RW_USER_FUNCTIONS;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKU_USER;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import org.egovca.hsm.CryptoTokenException;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * The sessions of a logged-in token. PKCS#11 keeps the login per token and application, not per
 * session: the login session opened by {@link #login} holds it, and every session opened while it
 * is open shares it. The login session also serves key management (generation, import,
 * destruction), which the token serialises, and owns the transport keys, which as session objects
 * live as long as it does. Signatures borrow one of at most {@code maxSessions} further sessions,
 * so that concurrent signers do not queue behind one another in one session.
 */
final class SessionPool {
  private final Pkcs11Module module;
  private final long loginSession;
  private final Semaphore permits;
  private final Deque<Long> idle = new ConcurrentLinkedDeque<>();

  private SessionPool(Pkcs11Module module, long loginSession, int maxSessions) {
    this.module = module;
    this.loginSession = loginSession;
    this.permits = new Semaphore(maxSessions);
  }

  /**
   * Logs the user in with {@code pin}. If this process is logged in already (another object for the
   * same token), that login is ended first, so that the PIN is always checked.
   *
   * @throws org.egovca.hsm.TokenAuthenticationException if the PIN is wrong; nothing stays open
   */
  static SessionPool login(Pkcs11Module module, int maxSessions, char[] pin) {
    char[] pinBytes = utf8Bytes(pin);
    long session = -1;
    try {
      session = module.openSession();
      try {
        module.library().C_Login(session, CKU_USER, pinBytes);
      } catch (PKCS11Exception e) {
        if (e.getErrorCode() != Pkcs11Errors.CKR_USER_ALREADY_LOGGED_IN) {
          throw e;
        }
        module.library().C_Logout(session);
        module.library().C_Login(session, CKU_USER, pinBytes);
      }
      SessionPool pool = new SessionPool(module, session, maxSessions);
      session = -1;
      return pool;
    } catch (PKCS11Exception e) {
      throw Pkcs11Errors.map(e, module.tokenName(), "log in");
    } finally {
      Arrays.fill(pinBytes, '\0');
      if (session != -1) {
        module.closeQuietly(session);
      }
    }
  }

  /**
   * The PIN as the module compares it: its UTF-8 bytes. The JDK passes each char of a PIN as one
   * byte, so each byte goes in a char of its own.
   */
  private static char[] utf8Bytes(char[] pin) {
    ByteBuffer encoded = UTF_8.encode(CharBuffer.wrap(pin));
    char[] bytes = new char[encoded.remaining()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (char) (encoded.get(i) & 0xff);
    }
    Arrays.fill(encoded.array(), (byte) 0);
    return bytes;
  }

  /** The session that holds the login; only the token's key management uses it, one at a time. */
  long loginSession() {
    return loginSession;
  }

  /**
   * Whether the module still has the user logged in. A module that lost the login (logged out
   * elsewhere in the process, restarted, token removed) hides the private keys, so that an
   * operation fails with an invalid key handle rather than a login error; this tells the two apart.
   */
  boolean loggedIn() {
    try {
      long state = module.library().C_GetSessionInfo(loginSession).state;
      return state == CKS_RW_USER_FUNCTIONS || state == CKS_RO_USER_FUNCTIONS;
    } catch (PKCS11Exception e) {
      return false;
    }
  }

  /** A session for one signature: an idle one, or a new one while fewer than the maximum exist. */
  long borrow() throws PKCS11Exception {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CryptoTokenException(
          "interrupted while waiting for a session of crypto token " + module.tokenName(), e);
    }
    Long session = idle.poll();
    if (session != null) {
      return session;
    }
    try {
      return module.openSession();
    } catch (PKCS11Exception | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Returns a session after a completed operation. */
  void release(long session) {
    idle.push(session);
    permits.release();
  }

  /** Gives up a session after a failure, which may have left an operation open in it. */
  void discard(long session) {
    module.closeQuietly(session);
    permits.release();
  }

  /**
   * Logs out and closes every session; the transport keys go with the login session. Called when no
   * signature is running (the token holds its write lock).
   */
  void logoutAndClose() {
    try {
      module.library().C_Logout(loginSession);
    } catch (PKCS11Exception e) {
      // Logged out already (the module lost the session, or another object logged out).
    }
    for (Long session = idle.poll(); session != null; session = idle.poll()) {
      module.closeQuietly(session);
    }
    module.closeQuietly(loginSession);
  }
}
