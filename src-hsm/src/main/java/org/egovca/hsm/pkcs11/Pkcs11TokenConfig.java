package org.egovca.hsm.pkcs11;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link Pkcs11CryptoToken} finds its keys: the module's PKCS#11 library and the label of
 * the token in it. Holds no PIN: the PIN comes at activation, from the key custodians.
 *
 * @param name the token's name in the CA's messages, logs and health page
 * @param library the PKCS#11 library, for SoftHSM2 on Debian {@code
 *     /usr/lib/softhsm/libsofthsm2.so}
 * @param tokenLabel the token's label (CKA_LABEL of the token, as {@code softhsm2-util --init-token
 *     --label} set it)
 * @param maxSessions how many signatures may run in the module at the same time; more callers wait
 */
public record Pkcs11TokenConfig(String name, Path library, String tokenLabel, int maxSessions) {
  /** The number of concurrent signing sessions unless configured otherwise. */
  public static final int DEFAULT_MAX_SESSIONS = 8;

  /** Checks the components. */
  public Pkcs11TokenConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("crypto token name must not be blank");
    }
    Objects.requireNonNull(library, "library");
    if (tokenLabel == null || tokenLabel.isBlank() || tokenLabel.length() > 32) {
      throw new IllegalArgumentException("a PKCS#11 token label has 1 to 32 characters");
    }
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions must be at least 1");
    }
  }

  /** A configuration with {@value #DEFAULT_MAX_SESSIONS} signing sessions. */
  public Pkcs11TokenConfig(String name, Path library, String tokenLabel) {
    this(name, library, tokenLabel, DEFAULT_MAX_SESSIONS);
  }
}
