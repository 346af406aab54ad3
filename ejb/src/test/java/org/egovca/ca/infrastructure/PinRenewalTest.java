package org.egovca.ca.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.egovca.hsm.TokenAuthenticationException;
import org.egovca.hsm.TokenSet;
import org.egovca.hsm.TokenStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The new PIN the enrolment gives the software token: the PIN that waited on disk before opens
 * nothing afterwards, and a crash at any point of the change leaves on disk the PIN that opens the
 * token.
 */
class PinRenewalTest {

  @TempDir Path data;

  private CaCryptoToken opened;

  @AfterEach
  void close() {
    if (opened != null) {
      opened.close();
    }
  }

  @Test
  void theRenewedPinReplacesTheWaitingOneAndTheOldPinOpensNothing() throws Exception {
    CaCryptoToken token = open();
    token.token().generateKeyPair("root", KeyAlgorithm.SM2_256);
    String before = waitingPin();

    char[] renewed = token.renewPendingPin("ca").orElseThrow();

    assertEquals(new String(renewed), waitingPin(), "the new PIN waits on disk until the commit");
    assertNotEquals(before, waitingPin());
    assertFalse(Files.exists(data.resolve("secrets/token.pin.next")));
    assertTrue(token.token().containsKey("root"));
    token.close();
    opened = null;
    SoftwareCryptoToken files = SoftwareCryptoToken.open("ca", data.resolve("token"));
    assertThrows(TokenAuthenticationException.class, () -> files.activate(before.toCharArray()));
    files.activate(renewed);
    assertEquals(TokenStatus.ACTIVE, files.status());
  }

  @Test
  void aNextPinTheTokenNeverTookIsDeletedAtTheNextStart() throws Exception {
    open().close();
    opened = null;
    String before = waitingPin();
    Files.writeString(data.resolve("secrets/token.pin.next"), "never-applied-pin");

    CaCryptoToken token = open();

    assertEquals(TokenStatus.ACTIVE, token.token().status());
    assertEquals(before, waitingPin());
    assertFalse(Files.exists(data.resolve("secrets/token.pin.next")));
  }

  @Test
  void aNextPinTheTokenTookBeforeTheCrashBecomesTheWaitingOne() throws Exception {
    CaCryptoToken token = open();
    // the change happened, the promotion of the file did not
    Files.writeString(data.resolve("secrets/token.pin.next"), "the-pin-the-token-took");
    member(token).changePin("the-pin-the-token-took".toCharArray());
    token.close();

    CaCryptoToken restarted = open();

    assertEquals(TokenStatus.ACTIVE, restarted.token().status());
    assertEquals("the-pin-the-token-took", waitingPin());
    assertFalse(Files.exists(data.resolve("secrets/token.pin.next")));
  }

  @Test
  void forgettingTheWaitingPinAlsoDeletesANextOne() throws Exception {
    CaCryptoToken token = open();
    Files.writeString(data.resolve("secrets/token.pin.next"), "left-over");

    token.forgetPendingPin("ca");

    assertFalse(Files.exists(data.resolve("secrets/token.pin")));
    assertFalse(Files.exists(data.resolve("secrets/token.pin.next")));
  }

  private CaCryptoToken open() {
    opened = new CaCryptoToken();
    opened.openIn(data, Optional.empty());
    return opened;
  }

  private static CryptoToken member(CaCryptoToken token) {
    return ((TokenSet) token.token()).member("ca");
  }

  private String waitingPin() throws Exception {
    return Files.readString(data.resolve("secrets/token.pin")).strip();
  }
}
