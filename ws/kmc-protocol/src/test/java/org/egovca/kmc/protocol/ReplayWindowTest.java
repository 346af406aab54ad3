package org.egovca.kmc.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.asn1.EntName;
import org.egovca.kmc.protocol.asn1.KSRequest;
import org.egovca.kmc.protocol.testing.Messages;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

  private static final Instant NOW = Messages.NOW;
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final EntName CA = EntNames.of(Messages.CA_CERTIFICATE);
  private static final EntName OTHER_CA = EntNames.of(Messages.KMC_CERTIFICATE);
  private static final BigInteger TASK = BigInteger.valueOf(42);

  private final ReplayWindow window = new ReplayWindow(SKEW);

  private Refusal refusal(EntName sender, BigInteger taskNo, Instant sent, Instant now) {
    return assertThrows(KmcProtocolException.class, () -> window.accept(sender, taskNo, sent, now))
        .getRefusal();
  }

  @Test
  void aTaskNumberIsAcceptedOncePerCa() throws Exception {
    window.accept(CA, TASK, NOW, NOW);

    assertEquals(Refusal.REPLAYED, refusal(CA, TASK, NOW, NOW.plusSeconds(30)));
    assertDoesNotThrow(() -> window.accept(CA, TASK.add(BigInteger.ONE), NOW, NOW));
    assertDoesNotThrow(() -> window.accept(OTHER_CA, TASK, NOW, NOW));
  }

  /** The name as parsed from the wire is the same sender as the one built from the certificate. */
  @Test
  void theSenderIsRecognisedAfterTheWire() throws Exception {
    KSRequest parsed = KSRequest.getInstance(Messages.ksRequest().getEncoded());
    window.accept(CA, parsed.getTaskNo(), NOW, NOW);

    assertEquals(
        Refusal.REPLAYED, refusal(parsed.getCaName(), parsed.getTaskNo(), NOW, NOW.plusSeconds(1)));
  }

  /** Once a message is too old to pass, its task number is forgotten: the window stays small. */
  @Test
  void aReplayAfterTheWindowIsStaleAndTheNumberIsForgotten() throws Exception {
    window.accept(CA, TASK, NOW, NOW);
    Instant later = NOW.plus(SKEW).plusSeconds(1);

    assertEquals(Refusal.NOT_FRESH, refusal(CA, TASK, NOW, later));
    window.accept(CA, BigInteger.TEN, later, later);
    assertEquals(1, window.size());
  }

  @Test
  void aStaleMessageIsNotRemembered() {
    assertEquals(Refusal.NOT_FRESH, refusal(CA, TASK, NOW.minus(Duration.ofHours(1)), NOW));
    assertEquals(0, window.size());
  }
}
