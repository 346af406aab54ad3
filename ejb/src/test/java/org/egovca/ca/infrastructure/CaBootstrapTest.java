package org.egovca.ca.infrastructure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.egovca.hsm.SoftwareCryptoToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first start makes the CA keys and certificates, so it needs an active token, and says so in the
 * words the start script shows ("Refusing to start: …"); a restart needs none.
 */
class CaBootstrapTest {

  @Test
  void aFirstStartWithTheTokenOfflineRefusesToStartSayingWhy(@TempDir Path directory) {
    SoftwareCryptoToken token =
        SoftwareCryptoToken.initialize("ca", directory, "pin".toCharArray());
    assertDoesNotThrow(() -> CaBootstrap.refuseFirstStartOffline(token));

    token.deactivate();
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> CaBootstrap.refuseFirstStartOffline(token));

    assertTrue(refused.getMessage().startsWith("Refusing to start: "), refused.getMessage());
    assertTrue(refused.getMessage().contains("first start"), refused.getMessage());
    assertTrue(refused.getMessage().contains("OFFLINE"), refused.getMessage());
  }

  @Test
  void aTokenNotOpenedAtAllIsRefusedLikeAnOfflineOne() {
    assertThrows(IllegalStateException.class, () -> CaBootstrap.refuseFirstStartOffline(null));
  }
}
