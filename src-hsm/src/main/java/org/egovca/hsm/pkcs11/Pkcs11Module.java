package org.egovca.hsm.pkcs11;

import static sun.security.pkcs11.wrapper.PKCS11Constants.CKF_OS_LOCKING_OK;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKF_RW_SESSION;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKF_SERIAL_SESSION;

import java.io.IOException;
import java.nio.file.Files;
import org.egovca.hsm.CryptoTokenException;
import sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * One token in a PKCS#11 library: the JDK's wrapper around the library and the slot that holds the
 * token with the configured label. The JDK initialises a library once per process and keeps it, so
 * several tokens of one library share the wrapper.
 *
 * <p>The library is initialised with {@code CKF_OS_LOCKING_OK}: the JDK then calls it from several
 * threads at once instead of serialising every call, and the module does its own locking.
 *
 * <p>A module reads its token list when it is initialised: a token created afterwards (for
 * SoftHSM2, with {@code softhsm2-util --init-token}) is only seen by a process started after that.
 */
record Pkcs11Module(PKCS11 library, long slot, String tokenName) {

  /**
   * Loads the library of {@code config} and finds its token.
   *
   * @throws CryptoTokenException if the library cannot be loaded or holds no token, or several
   *     tokens, with the label
   */
  static Pkcs11Module open(Pkcs11TokenConfig config) {
    String path = config.library().toAbsolutePath().toString();
    if (!Files.isRegularFile(config.library())) {
      throw new CryptoTokenException(
          "crypto token " + config.name() + ": no PKCS#11 library at " + path);
    }
    CK_C_INITIALIZE_ARGS initialize = new CK_C_INITIALIZE_ARGS();
    initialize.flags = CKF_OS_LOCKING_OK;
    try {
      PKCS11 library = PKCS11.getInstance(path, "C_GetFunctionList", initialize, false);
      return new Pkcs11Module(library, findSlot(library, config), config.name());
    } catch (IOException e) {
      throw new CryptoTokenException(
          "crypto token " + config.name() + ": cannot load the PKCS#11 library " + path, e);
    } catch (PKCS11Exception e) {
      throw Pkcs11Errors.map(e, config.name(), "initialise the PKCS#11 library " + path);
    }
  }

  private static long findSlot(PKCS11 library, Pkcs11TokenConfig config) throws PKCS11Exception {
    Long found = null;
    for (long slot : library.C_GetSlotList(true)) {
      String label = new String(library.C_GetTokenInfo(slot).label).trim();
      if (label.equals(config.tokenLabel())) {
        if (found != null) {
          throw new CryptoTokenException(
              "crypto token "
                  + config.name()
                  + ": several PKCS#11 tokens are labelled "
                  + config.tokenLabel());
        }
        found = slot;
      }
    }
    if (found == null) {
      throw new CryptoTokenException(
          "crypto token "
              + config.name()
              + ": no PKCS#11 token labelled "
              + config.tokenLabel()
              + " in "
              + config.library()
              + " (a token created after this process first used the library is not seen until"
              + " a restart)");
    }
    return found;
  }

  /** Opens a read-write session with the token; the caller closes it. */
  long openSession() throws PKCS11Exception {
    return library.C_OpenSession(slot, CKF_SERIAL_SESSION | CKF_RW_SESSION, null, null);
  }

  /** Closes a session, ignoring failures: it is being given up anyway. */
  void closeQuietly(long session) {
    try {
      library.C_CloseSession(session);
    } catch (PKCS11Exception e) {
      // The session is unusable either way; a module that lost it already closed it.
    }
  }
}
