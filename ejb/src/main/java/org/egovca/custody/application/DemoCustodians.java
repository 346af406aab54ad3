package org.egovca.custody.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.DataFiles;
import org.egovca.ca.application.port.CaToken;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.hsm.TokenStatus;

/**
 * The five demo key custodians of the embedded default ({@link ActivationMode#DEMO}): enrolled on
 * the first start with random PINs written to {@code <data>/demo-custodians} (owner-only, named as
 * demo material there, in the log and in the README), and three of them activate the token in a
 * real, recorded ceremony at every start.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoCustodians {

  /** The demo custodians' usernames. */
  public static final List<String> USERNAMES =
      List.of("custodian1", "custodian2", "custodian3", "custodian4", "custodian5");

  private static final Logger LOG = Logger.getLogger(DemoCustodians.class.getName());

  @Inject private CaConfiguration configuration;
  @Inject private CaToken cryptoToken;
  @Inject private KeyCeremonies ceremonies;

  /**
   * On a first start (no custodians, the tokens' PINs still on disk), enrols the five demo
   * custodians, then makes the tokens wait for them as production tokens do.
   */
  public void enrolOnFirstStart() {
    if (ceremonies.enrolled()) {
      return;
    }
    List<CustodianPresence> custodians = new ArrayList<>();
    try {
      Files.createDirectories(directory());
      DataFiles.replacePublic(directory().resolve("README.txt"), readme());
      for (String username : USERNAMES) {
        char[] pin = DataFiles.randomPassword();
        DataFiles.replaceSecret(
            pinFile(username), new String(pin).getBytes(StandardCharsets.UTF_8));
        custodians.add(new CustodianPresence(username, pin));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo custodians' PINs", e);
    }
    ceremonies.enrol(custodians, CeremonySource.DEMO_START);
    LOG.warning(
        () ->
            "DEMO key custodians "
                + USERNAMES
                + " hold the CA token's PIN; their PINs are demo material in "
                + directory()
                + " (production: EGOVCA_ACTIVATION=custodians)");
    cryptoToken.token().deactivate();
  }

  /** Activates an OFFLINE token with the first three demo custodians, if their PINs are here. */
  public void activate() {
    if (cryptoToken.token().status() == TokenStatus.ACTIVE) {
      return;
    }
    List<CustodianPresence> present = new ArrayList<>();
    for (String username : USERNAMES.subList(0, CustodianQuorum.THRESHOLD)) {
      Path file = pinFile(username);
      if (!Files.exists(file)) {
        LOG.warning(() -> "No demo custodian PIN in " + file + ": the token waits for custodians");
        return;
      }
      try {
        present.add(
            new CustodianPresence(
                username, Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    long ceremony = ceremonies.activate(present, CeremonySource.DEMO_START);
    LOG.info(() -> "Demo key custodians activated the CA token (ceremony " + ceremony + ")");
  }

  private Path directory() {
    return configuration.dataDirectory().resolve("demo-custodians");
  }

  private Path pinFile(String username) {
    return directory().resolve(username + ".pin");
  }

  private static byte[] readme() {
    return ("DEMO MATERIAL - NOT FOR PRODUCTION\n"
            + "The PINs of the five demo key custodians of this embedded installation. Any three\n"
            + "activate the CA token, so whoever reads this directory can use the CA's keys.\n"
            + "A production installation starts with EGOVCA_ACTIVATION=custodians and enrols its\n"
            + "custodians in a ceremony (README, \"Key custodians\").\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
