package org.egovca.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.egovca.it.DeployedEar;
import org.egovca.it.Records;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A key ceremony at the console (CPS §6.5.2.2, §7.5.1.2 item 2): a security administrator hosts it,
 * and each key custodian present types their own username and the PIN of their share (the shared
 * server's demo custodians, their PINs read from its data directory). Three back the issuing CA's
 * key up into a new backup token; two are refused, and both ceremonies are recorded with their
 * host; an operator of another role is not offered the page, and the PINs never come back in the
 * page.
 */
@Order(Integer.MAX_VALUE - 5)
@ExtendWith({DeployedEar.class, ConsoleFixture.Extension.class})
class ConsoleKeyCeremonyIT {

  private static ConsoleFixture fixture;
  private static Records records;

  @BeforeAll
  static void operators(ConsoleFixture shared) {
    fixture = shared;
    records = new Records(shared.server);
  }

  @Test
  void threeCustodiansBackAKeyUpAtTheConsoleAndTwoAreRefused() throws Exception {
    Console admin = fixture.admin();
    String alias = records.caKeyAlias("iFutureCA");
    Path media = fixture.work.resolve("backup-" + UUID.randomUUID());

    Path twoMedia = fixture.work.resolve("backup-two-" + UUID.randomUUID());
    hold(admin, alias, twoMedia, 1, 2);
    assertTrue(admin.present("ceremony-refusal"), admin.pageText());
    assertTrue(admin.text("ceremony-refusal").contains("3"), admin.text("ceremony-refusal"));
    assertFalse(Files.exists(twoMedia) && hasFiles(twoMedia), "two custodians wrote nothing");
    assertEquals(1, records.keyCeremonies("BACKUP", "FAILED", "CONSOLE", admin.username));

    String pin = hold(admin, alias, media, 1, 2, 3);
    assertTrue(admin.present("ceremony-id"), admin.pageText());
    assertTrue(admin.text("ceremony-id").matches("\\d+"), admin.text("ceremony-id"));
    assertTrue(hasFiles(media), "the backup token is written");
    assertEquals(1, records.keyCeremonies("BACKUP", "SUCCEEDED", "CONSOLE", admin.username));
    assertFalse(admin.pageSource().contains(pin), "a PIN never comes back in the page");
    admin.assertClean();

    Console clerk = fixture.operator(ConsoleFixture.Staff.CLERK);
    clerk.open("index.xhtml");
    assertFalse(clerk.present("menu-key-ceremony"), "an entry clerk is not offered ceremonies");
  }

  /**
   * Holds a backup of {@code alias} into {@code media} with the demo custodians {@code numbers}
   * present.
   *
   * @return the last PIN typed
   */
  private static String hold(Console admin, String alias, Path media, int... numbers)
      throws Exception {
    admin.open("index.xhtml");
    assertTrue(admin.present("menu-key-ceremony"), "a security administrator hosts ceremonies");
    admin.open("key-ceremony.xhtml");
    admin.select("ceremony:kind", "BACKUP");
    admin.type("ceremony:key", alias);
    admin.type("ceremony:location", media.toAbsolutePath().toString());
    String pin = null;
    for (int row = 0; row < numbers.length; row++) {
      String username = "custodian" + numbers[row];
      pin =
          Files.readString(
                  fixture
                      .server
                      .dataDirectory()
                      .resolve("demo-custodians")
                      .resolve(username + ".pin"))
              .strip();
      admin.type("ceremony:custodian" + row, username);
      admin.type("ceremony:pin" + row, pin);
    }
    admin.submit("ceremony:hold");
    return pin;
  }

  private static boolean hasFiles(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.findAny().isPresent();
    }
  }
}
