package org.egovca.servicetier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.egovca.ca.application.port.CaToken;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.TokenStatus;

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

  /** Activates the CA token again ({@link #activateWithThePinFile()}). */
  @Override
  public void close() {
    activateWithThePinFile();
  }

  /**
   * Activates the CA token with the PIN the embedded default keeps in {@code
   * <data>/secrets/token.pin}: the one place the tests read that file, standing in for the key
   * custodians' activation ceremony, which replaces the file (issue 13).
   */
  public static void activateWithThePinFile() {
    CryptoToken token = token();
    if (token.status() == TokenStatus.ACTIVE) {
      return;
    }
    char[] pin = null;
    try {
      pin =
          Files.readString(
                  ServiceTier.dataDirectory().resolve("secrets").resolve("token.pin"),
                  StandardCharsets.US_ASCII)
              .strip()
              .toCharArray();
      token.activate(pin);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CA token's PIN file", e);
    } finally {
      if (pin != null) {
        Arrays.fill(pin, '\0');
      }
    }
  }

  /** The CA token the services use. */
  public static CryptoToken token() {
    return ServiceContainer.running().weld().select(CaToken.class).get().token();
  }
}
