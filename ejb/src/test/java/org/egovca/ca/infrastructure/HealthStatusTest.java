package org.egovca.ca.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.file.Path;
import java.util.List;
import org.egovca.ca.infrastructure.Health.Status;
import org.egovca.ca.infrastructure.Health.TokenHealth;
import org.egovca.ca.infrastructure.HttpsListenerCheck.State;
import org.egovca.hsm.SoftwareCryptoToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code GET /pki/health} says of each token and of the CA as a whole: a started CA whose
 * token waits for its key custodians is ready, not up, OFFLINE, and names what it waits for.
 */
class HealthStatusTest {

  private static final TokenHealth ACTIVE = new TokenHealth("ca", "software", "ACTIVE", null);
  private static final TokenHealth OFFLINE =
      new TokenHealth("ca", "software", "OFFLINE", Health.CUSTODIANS);

  @Test
  void aStartedCaWithItsTokenActiveAndEverythingServingIsUp() {
    Status status = Status.of(true, List.of(ACTIVE), true, "iFutureCA", State.SERVING);

    assertTrue(status.up());
    assertEquals("UP", status.state());
    assertEquals("ACTIVE", status.token());
    assertNull(status.waiting());
  }

  @Test
  void aStartedCaWhoseTokenWaitsForItsCustodiansIsReadyButOfflineAndSaysSo() {
    Status status = Status.of(true, List.of(OFFLINE), true, "iFutureCA", State.SERVING);

    assertFalse(status.up());
    assertTrue(status.ready());
    assertEquals("OFFLINE", status.state());
    assertEquals("OFFLINE", status.token());
    assertEquals("custodians", status.waiting());
    assertEquals(List.of(OFFLINE), status.tokens());
  }

  @Test
  void oneOfSeveralTokensOfflineMakesTheCaOffline() {
    TokenHealth backup = new TokenHealth("backup", "pkcs11", "OFFLINE", Health.CUSTODIANS);

    Status status = Status.of(true, List.of(ACTIVE, backup), true, "iFutureCA", State.SERVING);

    assertEquals("OFFLINE", status.state());
    assertEquals("OFFLINE", status.token());
    assertEquals("custodians", status.waiting());
  }

  @Test
  void aCaStillStartingIsStartingWhateverItsToken() {
    Status status = Status.of(false, List.of(OFFLINE), true, "iFutureCA", State.NO_TLS_CA);

    assertEquals("STARTING", status.state());
    assertFalse(status.ready());
    assertFalse(status.up());
  }

  @Test
  void activeTokensWithoutTheDatabaseOrTheHttpsListenerAreDegraded() {
    assertEquals(
        "DEGRADED", Status.of(true, List.of(ACTIVE), false, "iFutureCA", State.SERVING).state());
    assertEquals(
        "DEGRADED", Status.of(true, List.of(ACTIVE), true, "iFutureCA", State.UNREACHABLE).state());
  }

  /**
   * The JSON as Payara's JSON-B (Yasson) writes it: what the start script looks for, and each
   * token; {@code waiting} is left out while nothing waits.
   */
  @Test
  void theJsonKeepsTheFieldsTheStartScriptReadsAndListsEachToken() throws Exception {
    try (Jsonb jsonb = JsonbBuilder.create()) {
      String offline =
          jsonb.toJson(Status.of(true, List.of(OFFLINE), true, "iFutureCA", State.SERVING));
      String up = jsonb.toJson(Status.of(true, List.of(ACTIVE), true, "iFutureCA", State.SERVING));

      assertTrue(offline.contains("\"ready\":true"), offline);
      assertTrue(offline.contains("\"up\":false"), offline);
      assertTrue(offline.contains("\"state\":\"OFFLINE\""), offline);
      assertTrue(offline.contains("\"waiting\":\"custodians\""), offline);
      assertTrue(
          offline.contains(
              "\"tokens\":[{\"kind\":\"software\",\"name\":\"ca\",\"status\":\"OFFLINE\","
                  + "\"waiting\":\"custodians\"}]"),
          offline);
      assertTrue(up.contains("\"up\":true"), up);
      assertTrue(up.contains("\"token\":\"ACTIVE\""), up);
      assertFalse(up.contains("waiting"), up);
    }
  }

  @Test
  void aTokenSaysWhatKindItIsAndWhetherItWaits(@TempDir Path directory) {
    SoftwareCryptoToken token =
        SoftwareCryptoToken.initialize("ca", directory, "pin".toCharArray());

    assertEquals(
        new TokenHealth("ca", "software", "ACTIVE", null), TokenHealth.of(token.describe()));
    token.deactivate();
    assertEquals(
        new TokenHealth("ca", "software", "OFFLINE", Health.CUSTODIANS),
        TokenHealth.of(token.describe()));
  }
}
