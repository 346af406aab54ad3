package org.egovca.sync.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.egovca.sync.Recipient;
import org.junit.jupiter.api.Test;

class ReceiverSettingsTest {

  @Test
  void theIdentityAndDirectoriesComeFromTheContextParameters() {
    Map<String, String> parameters =
        Map.of(
            "egovca.receiver.systemName", "tax-office",
            "egovca.receiver.applicationUnit", "SW-01",
            "egovca.receiver.storeDir", "/srv/sync/tax/store");
    ReceiverSettings settings = ReceiverSettings.from(parameters::get);
    assertEquals(new Recipient("tax-office", "SW-01"), settings.identity());
    assertEquals(Path.of("/srv/sync/tax/store"), settings.storeDirectory());
  }

  @Test
  void aReceiverWithoutAnIdentityDoesNotStartAndSaysWhatToSet() {
    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class,
            () -> ReceiverSettings.from(Map.of("egovca.receiver.systemName", "tax-office")::get));
    assertTrue(
        missing.getMessage().contains("egovca.receiver.applicationUnit"), missing.getMessage());
    IllegalStateException malformed =
        assertThrows(
            IllegalStateException.class,
            () ->
                ReceiverSettings.from(
                    Map.of(
                            "egovca.receiver.systemName", "tax office",
                            "egovca.receiver.applicationUnit", "SW-01")
                        ::get));
    assertTrue(malformed.getMessage().contains("recipient.system"), malformed.getMessage());
  }
}
