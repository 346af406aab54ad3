package org.egovca.custody.application;

import static org.egovca.custody.application.CustodyFixtures.demoCustodians;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.custody.domain.CustodianShare;
import org.egovca.custody.domain.KeyBackup;
import org.egovca.custody.domain.ShareDistribution;
import org.egovca.hsm.TokenStatus;
import org.egovca.hsm.sharing.SealedTokenPin;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.PasswordHash;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-sharing among the service tier's demo custodians: custodian5 leaves and a new custodian joins;
 * the test gives the demo custodians their shares back at the end, for the other test classes.
 */
@ExtendWith(ServiceTier.class)
class ResharingServiceTest {

  private static final CeremonySource SOURCE = CeremonySource.COMMAND_LINE;
  private static final String NEWCOMER = "custodian.new";
  private static final String NEWCOMER_PIN = "newcomer PIN 2026";

  @Inject Resharing resharing;
  @Inject KeyCeremonies ceremonies;
  @Inject CaKeyCeremonies keyCeremonies;
  @Inject DemoCustodians demo;
  @Inject CaToken cryptoToken;
  @Inject CustodianQuorum quorums;
  @Inject CeremonyRecords records;

  @TempDir Path media;

  @BeforeEach
  void newCustodiansHaveAccounts() {
    for (String username : List.of(NEWCOMER, "kc.new1", "kc.new2", "kc.new3")) {
      ServiceTier.inTransaction(
          em -> {
            if (em.createNamedQuery(Operator.BY_USERNAME, Operator.class)
                .setParameter("username", username)
                .getResultList()
                .isEmpty()) {
              em.persist(
                  new Operator(
                      username,
                      "New key custodian " + username,
                      null,
                      EnumSet.of(OperatorRole.KEY_CUSTODIAN),
                      null,
                      PasswordHash.of("an unused password 2026".toCharArray()),
                      "service-test",
                      ServiceTier.clock().instant()));
            }
            return null;
          });
    }
  }

  @AfterEach
  void giveTheDemoCustodiansTheirSharesBack() {
    if (currentDistribution().shareOf("custodian5").isEmpty()) {
      List<CustodianPresence> present = demoCustodians(1, 2, 3, 4, 5);
      present.add(new CustodianPresence(NEWCOMER, NEWCOMER_PIN.toCharArray()));
      resharing.reshare(present, demoNames(), SOURCE);
    }
    if (cryptoToken.token().status() == TokenStatus.OFFLINE) {
      demo.activate();
    }
  }

  @Test
  void aNewDistributionReplacesTheOldOneWhoseSealedSharesAreWiped() {
    String rootKey = rootKey();
    keyCeremonies.backUp(
        rootKey, media.resolve("root").toString(), demoCustodians(1, 2, 3), SOURCE);
    ShareDistribution old = currentDistribution();
    List<CustodianPresence> present = demoCustodians(1, 2, 3, 4);
    present.add(new CustodianPresence(NEWCOMER, NEWCOMER_PIN.toCharArray()));

    resharing.reshare(
        present, List.of("custodian1", "custodian2", "custodian3", "custodian4", NEWCOMER), SOURCE);

    ShareDistribution current = currentDistribution();
    assertNotEquals(old.getId(), current.getId());
    assertTrue(current.shareOf(NEWCOMER).isPresent());
    assertTrue(current.shareOf("custodian5").isEmpty(), "the custodian who left holds nothing");
    ShareDistribution superseded = distribution(old.getId());
    assertTrue(superseded.getSealedTokenPins().isEmpty(), "the old sealed PINs are wiped");
    for (CustodianShare share : superseded.getShares()) {
      assertEquals(0, share.getSealedShare().length, "the old sealed shares are wiped");
    }
    assertEquals(current.getId(), backupOf(rootKey).getDistribution().getId());

    cryptoToken.token().deactivate();
    Refusal leaver =
        assertThrows(
            Refusal.class,
            () -> ceremonies.activate(demoCustodians(3, 4, 5), SOURCE),
            "custodian5 left");
    assertEquals(RefusalCode.INVALID_INPUT, leaver.code());
    List<CustodianPresence> newSet = demoCustodians(1, 4);
    newSet.add(new CustodianPresence(NEWCOMER, NEWCOMER_PIN.toCharArray()));
    ceremonies.activate(newSet, SOURCE);
    assertEquals(TokenStatus.ACTIVE, cryptoToken.token().status());
  }

  @Test
  void theTokenTakesANewPinSoThatTheOldSealedMaterialOpensNothing() throws Exception {
    String before = tokenProperties();

    reshareToTheNewcomer();

    assertNotEquals(before, tokenProperties(), "the token's keys are under a new PIN");
    assertFalse(currentDistribution().hasUnsettledPinChange(), "the change is settled");
    activatesWithTheNewCustodians();
  }

  @Test
  void aTokenThatFailedToTakeTheNewPinIsGivenItAtTheNextActivation() throws Exception {
    String before = tokenProperties();
    // a symbolic link where the token writes itself anew: the token refuses to change its PIN
    Path next = ServiceTier.dataDirectory().resolve("token.next");
    Files.createSymbolicLink(next, media.resolve("elsewhere"));
    try {
      reshareToTheNewcomer();
    } finally {
      Files.delete(next);
    }

    assertEquals(before, tokenProperties(), "the token kept its PIN");
    assertTrue(currentDistribution().hasUnsettledPinChange(), "both PINs stay sealed");
    // the next activation opens it with the PIN it kept and gives it the new one
    activatesWithTheNewCustodians();
    assertFalse(currentDistribution().hasUnsettledPinChange());
    assertNotEquals(before, tokenProperties(), "the token took the new PIN after all");
    activatesWithTheNewCustodians();
  }

  @Test
  void aPinChangeLeftUnsettledBySomeCrashIsSettledByTheNextActivation() {
    // the state a crash between the steps of a re-sharing leaves: the token has one PIN, the
    // distribution seals another as its PIN and the token's as the previous one
    char[] tokenTook = "the PIN the token took 2026".toCharArray();
    try (CustodianQuorum.Quorum quorum = openQuorum()) {
      cryptoToken.changePin("ca", tokenTook);
      sealPrevious(SealedTokenPin.seal(tokenTook, quorum.secret(), "ca", new SecureRandom()));
    }
    cryptoToken.token().deactivate();

    ceremonies.activate(demoCustodians(1, 2, 3), SOURCE);

    assertEquals(TokenStatus.ACTIVE, cryptoToken.token().status());
    assertFalse(currentDistribution().hasUnsettledPinChange());
    // the token's PIN is now the one sealed: a PIN never taken, left as the previous one, goes
    try (CustodianQuorum.Quorum quorum = openQuorum()) {
      char[] never = "a PIN never taken 2026".toCharArray();
      sealPrevious(SealedTokenPin.seal(never, quorum.secret(), "ca", new SecureRandom()));
    }
    cryptoToken.token().deactivate();
    ceremonies.activate(demoCustodians(2, 3, 4), SOURCE);
    assertEquals(TokenStatus.ACTIVE, cryptoToken.token().status());
    assertFalse(currentDistribution().hasUnsettledPinChange());
  }

  private void reshareToTheNewcomer() {
    List<CustodianPresence> present = demoCustodians(1, 2, 3, 4);
    present.add(new CustodianPresence(NEWCOMER, NEWCOMER_PIN.toCharArray()));
    resharing.reshare(
        present, List.of("custodian1", "custodian2", "custodian3", "custodian4", NEWCOMER), SOURCE);
  }

  private void activatesWithTheNewCustodians() {
    cryptoToken.token().deactivate();
    List<CustodianPresence> newSet = demoCustodians(1, 4);
    newSet.add(new CustodianPresence(NEWCOMER, NEWCOMER_PIN.toCharArray()));
    ceremonies.activate(newSet, SOURCE);
    assertEquals(TokenStatus.ACTIVE, cryptoToken.token().status());
  }

  private CustodianQuorum.Quorum openQuorum() {
    return quorums.open(
        new CeremonyRun(CeremonyKind.ACTIVATION, "ca", SOURCE, demoCustodians(1, 2, 3), records));
  }

  private static void sealPrevious(byte[] sealed) {
    ServiceTier.inTransaction(
        em -> {
          em.createNamedQuery(ShareDistribution.CURRENT, ShareDistribution.class)
              .setParameter("token", "ca")
              .getSingleResult()
              .sealPreviousTokenPin("ca", sealed);
          return null;
        });
  }

  private static String tokenProperties() throws Exception {
    return Files.readString(ServiceTier.dataDirectory().resolve("token/token.properties"));
  }

  @Test
  void twoHoldersCannotReshareAndNewCustodiansMustBePresent() {
    long before = currentDistribution().getId();

    Refusal tooFew =
        assertThrows(
            Refusal.class,
            () -> resharing.reshare(demoCustodians(1, 2, 3, 4, 5), List.of(), SOURCE));
    assertTrue(tooFew.getMessage().contains("5 different new key custodians"));

    List<CustodianPresence> twoHolders = demoCustodians(1, 2);
    List<String> newFive = new ArrayList<>(List.of("custodian1", "custodian2"));
    for (String newcomer : List.of("kc.new1", "kc.new2", "kc.new3")) {
      twoHolders.add(new CustodianPresence(newcomer, NEWCOMER_PIN.toCharArray()));
      newFive.add(newcomer);
    }
    Refusal notEnough =
        assertThrows(Refusal.class, () -> resharing.reshare(twoHolders, newFive, SOURCE));
    assertEquals(RefusalCode.INVALID_INPUT, notEnough.code());
    assertTrue(
        notEnough.getMessage().contains("only 2 key custodian(s) present"), notEnough.getMessage());

    List<CustodianPresence> holdersOnly = demoCustodians(1, 2, 3);
    Refusal absent =
        assertThrows(
            Refusal.class,
            () ->
                resharing.reshare(
                    holdersOnly,
                    List.of("custodian1", "custodian2", "custodian3", "custodian4", NEWCOMER),
                    SOURCE));
    assertTrue(absent.getMessage().contains("custodian4 must be present"), absent.getMessage());
    List<CustodianPresence> withAStranger = demoCustodians(1, 2, 3, 4, 5);
    withAStranger.add(new CustodianPresence("kc.stranger", NEWCOMER_PIN.toCharArray()));
    Refusal stranger =
        assertThrows(Refusal.class, () -> resharing.reshare(withAStranger, demoNames(), SOURCE));
    assertTrue(stranger.getMessage().contains("kc.stranger neither holds"), stranger.getMessage());

    List<CustodianPresence> unknownNewcomer = demoCustodians(1, 2, 3, 4);
    unknownNewcomer.add(new CustodianPresence("kc.invented", NEWCOMER_PIN.toCharArray()));
    Refusal invented =
        assertThrows(
            Refusal.class,
            () ->
                resharing.reshare(
                    unknownNewcomer,
                    List.of("custodian1", "custodian2", "custodian3", "custodian4", "kc.invented"),
                    SOURCE));
    assertTrue(invented.getMessage().contains("kc.invented has no operator account"));
    assertEquals(before, currentDistribution().getId(), "a refused re-sharing changes nothing");
  }

  private static List<String> demoNames() {
    return List.of("custodian1", "custodian2", "custodian3", "custodian4", "custodian5");
  }

  private static String rootKey() {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT c.keyAlias FROM CertificateAuthority c WHERE c.parent IS NULL"
                        + " AND c.name NOT LIKE 'ceremony-%'",
                    String.class)
                .setMaxResults(1)
                .getSingleResult());
  }

  private static ShareDistribution currentDistribution() {
    return ServiceTier.inTransaction(
        em -> {
          ShareDistribution distribution =
              em.createNamedQuery(ShareDistribution.CURRENT, ShareDistribution.class)
                  .setParameter("token", "ca")
                  .getSingleResult();
          distribution.getShares().forEach(share -> share.getCustodian().getUsername());
          return distribution;
        });
  }

  private static ShareDistribution distribution(long id) {
    return ServiceTier.inTransaction(
        em -> {
          ShareDistribution distribution = em.find(ShareDistribution.class, id);
          distribution.getShares().forEach(share -> share.getCustodian().getUsername());
          distribution.getSealedTokenPins().size();
          return distribution;
        });
  }

  private static KeyBackup backupOf(String alias) {
    return ServiceTier.inTransaction(
        em -> {
          KeyBackup backup =
              em.createNamedQuery(KeyBackup.OF_KEY, KeyBackup.class)
                  .setParameter("alias", alias)
                  .setMaxResults(1)
                  .getSingleResult();
          backup.getDistribution().getId();
          return backup;
        });
  }
}
