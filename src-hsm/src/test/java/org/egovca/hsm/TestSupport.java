package org.egovca.hsm;

import java.nio.file.Path;
import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Shared fixtures: the BouncyCastle provider instance verifiers use, and a token PIN. */
final class TestSupport {
  static final Provider BC = new BouncyCastleProvider();
  static final String PIN = "correct horse 42";

  private TestSupport() {}

  static SoftwareCryptoToken newActiveToken(Path directory) {
    return SoftwareCryptoToken.initialize("test-token", directory, PIN.toCharArray());
  }
}
