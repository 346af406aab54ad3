package org.egovca.custody.application;

import static org.egovca.custody.application.CustodyFixtures.lastAudit;
import static org.egovca.custody.application.CustodyFixtures.present;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonyOutcome;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.custody.domain.KeyCeremony;
import org.egovca.custody.domain.ShareDistribution;
import org.egovca.hsm.TokenStatus;
import org.egovca.ra.domain.Operator;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The key ceremonies of the CA token on the service tier, which starts as the embedded default
 * does: five demo custodians enrolled on the first start, three of whom activated the token. Each
 * test that takes the token offline leaves it active again for the other test classes.
 */
@ExtendWith(ServiceTier.class)
class KeyCeremoniesServiceTest {

  @Inject KeyCeremonies ceremonies;
  @Inject DemoCustodians demo;
  @Inject CaToken cryptoToken;
  @Inject CeremonyCallers callers;

  @AfterEach
  void leaveTheTokenActive() {
    if (cryptoToken.token().status() == TokenStatus.OFFLINE) {
      demo.activate();
    }
    ServiceTier.inTransaction(
        em -> {
          em.createQuery(
                  "SELECT o FROM Operator o WHERE o.username LIKE 'custodian%'", Operator.class)
              .getResultList()
              .forEach(Operator::unlock);
          return null;
        });
  }

  @Test
  void theFirstStartEnrolledFiveDemoCustodiansAndForgotTheTokenPin() throws Exception {
    ShareDistribution distribution = currentDistribution();
    assertEquals(3, distribution.getThreshold());
    assertEquals(5, distribution.getShares().size());
    assertEquals(
        DemoCustodians.USERNAMES,
        distribution.getShares().stream().map(s -> s.getCustodian().getUsername()).toList());
    assertFalse(Files.exists(ServiceTier.dataDirectory().resolve("secrets/token.pin")));
    Path pins = ServiceTier.dataDirectory().resolve("demo-custodians");
    for (String username : DemoCustodians.USERNAMES) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(pins.resolve(username + ".pin"))));
    }
    List<KeyCeremony> history = history();
    assertEquals(CeremonyKind.ENROLMENT, history.get(0).getKind());
    assertEquals(CeremonyKind.ACTIVATION, history.get(1).getKind());
    assertEquals(CeremonyOutcome.SUCCEEDED, history.get(1).getOutcome());
    assertEquals(TokenStatus.ACTIVE, cryptoToken.token().status());
  }

  @Test
  void threeCustodiansActivateAnOfflineToken() {
    cryptoToken.token().deactivate();

    long ceremony =
        ceremonies.activate(
            present("custodian2", "custodian4", "custodian5"), CeremonySource.COMMAND_LINE);

    assertEquals(TokenStatus.ACTIVE, cryptoToken.token().status());
    KeyCeremony record = last();
    assertEquals(ceremony, record.getId());
    assertEquals(CeremonyOutcome.SUCCEEDED, record.getOutcome());
    assertEquals(List.of("custodian2", "custodian4", "custodian5"), record.getCustodians());
    AuditEvent audit = lastAudit(AuditAction.TOKEN_ACTIVATED);
    assertEquals("custodians:custodian2,custodian4,custodian5", audit.getActor());
    assertEquals("SUCCESS", audit.getOutcome().name());
  }

  @Test
  void twoCustodiansAreTooFew() {
    cryptoToken.token().deactivate();
    Refusal refusal =
        assertThrows(
            Refusal.class,
            () ->
                ceremonies.activate(
                    present("custodian1", "custodian2"), CeremonySource.COMMAND_LINE));
    assertEquals(RefusalCode.INVALID_INPUT, refusal.code());
    assertTrue(
        refusal.getMessage().contains("only 2 key custodian(s) present"), refusal.getMessage());
    assertRecordedFailure(refusal);
  }

  @Test
  void theSameCustodianTwiceIsRefused() {
    cryptoToken.token().deactivate();
    Refusal refusal =
        assertThrows(
            Refusal.class,
            () ->
                ceremonies.activate(
                    present("custodian1", "custodian2", "custodian1"),
                    CeremonySource.COMMAND_LINE));
    assertTrue(refusal.getMessage().contains("custodian1 is named twice"), refusal.getMessage());
    assertRecordedFailure(refusal);
  }

  @Test
  void aWrongPinNamesItsCustodianAndCountsTowardsALockout() throws Exception {
    cryptoToken.token().deactivate();
    List<CustodianPresence> present = present("custodian1", "custodian2");
    present.add(new CustodianPresence("custodian3", "Wrong-PIN-123".toCharArray()));

    Refusal refusal =
        assertThrows(
            Refusal.class, () -> ceremonies.activate(present, CeremonySource.COMMAND_LINE));

    assertEquals(RefusalCode.LOGIN_FAILED, refusal.code());
    assertEquals("wrong PIN for key custodian custodian3", refusal.getMessage());
    assertRecordedFailure(refusal);
    assertEquals(1, operator("custodian3").getFailedLogins());
    assertTrue(present.stream().allMatch(p -> new String(p.pin()).chars().allMatch(c -> c == 0)));
  }

  @Test
  void aCustodianLockedByWrongPinsIsRefusedEvenWithTheRightPin() throws Exception {
    cryptoToken.token().deactivate();
    for (int attempt = 0; attempt < Operator.MAX_FAILED_LOGINS; attempt++) {
      List<CustodianPresence> present = present("custodian1", "custodian2");
      present.add(new CustodianPresence("custodian5", "Wrong-PIN-123".toCharArray()));
      assertThrows(Refusal.class, () -> ceremonies.activate(present, CeremonySource.COMMAND_LINE));
    }
    Refusal refusal =
        assertThrows(
            Refusal.class,
            () ->
                ceremonies.activate(
                    present("custodian1", "custodian2", "custodian5"),
                    CeremonySource.COMMAND_LINE));
    assertTrue(refusal.getMessage().contains("custodian5 is locked"), refusal.getMessage());
    assertEquals(TokenStatus.OFFLINE, cryptoToken.token().status());
  }

  @Test
  void someoneWhoIsNotACustodianIsRefused() throws Exception {
    cryptoToken.token().deactivate();
    List<CustodianPresence> present = present("custodian1", "custodian2");
    present.add(new CustodianPresence("admin", "Secur3!Key9".toCharArray()));
    Refusal refusal =
        assertThrows(
            Refusal.class, () -> ceremonies.activate(present, CeremonySource.COMMAND_LINE));
    assertEquals("admin is not an active key custodian", refusal.getMessage());
    assertRecordedFailure(refusal);
  }

  @Test
  void aNameThatIsNoUsernameIsNeitherEchoedNorRecorded() throws Exception {
    cryptoToken.token().deactivate();
    List<CustodianPresence> present = present("custodian1", "custodian2");
    present.add(new CustodianPresence("pinlike-secret-9", "Whatever-123".toCharArray()));

    Refusal refusal =
        assertThrows(
            Refusal.class, () -> ceremonies.activate(present, CeremonySource.COMMAND_LINE));

    assertEquals("a name given is no operator's username", refusal.getMessage());
    assertEquals(List.of("custodian1", "custodian2", "?"), last().getCustodians());
    assertFalse(lastAudit(AuditAction.TOKEN_ACTIVATED).getActor().contains("pinlike"));
  }

  @Test
  void onlyACallerWithTheCeremonyKeyOfTheDataDirectoryMayHoldACeremony() throws Exception {
    String key =
        Files.readString(ServiceTier.dataDirectory().resolve("secrets/ceremony.key")).strip();
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(
                ServiceTier.dataDirectory().resolve("secrets/ceremony.key"))));
    callers.check(key);
    for (String wrong : new String[] {null, "", key + "x", key.substring(1)}) {
      Refusal refusal = assertThrows(Refusal.class, () -> callers.check(wrong));
      assertEquals(RefusalCode.NOT_AUTHORIZED, refusal.code());
    }
  }

  @Test
  void anActiveTokenIsNotActivatedAgain() {
    Refusal refusal =
        assertThrows(
            Refusal.class,
            () ->
                ceremonies.activate(
                    present("custodian1", "custodian2", "custodian3"),
                    CeremonySource.COMMAND_LINE));
    assertEquals(RefusalCode.WRONG_STATE, refusal.code());
  }

  @Test
  void enrolledCustodiansAreNotEnrolledAgain() {
    List<CustodianPresence> five = new ArrayList<>();
    for (String username : List.of("kc.a1", "kc.b2", "kc.c3", "kc.d4", "kc.e5")) {
      five.add(new CustodianPresence(username, ("Pin-of-" + username).toCharArray()));
    }
    Refusal refusal =
        assertThrows(Refusal.class, () -> ceremonies.enrol(five, CeremonySource.COMMAND_LINE));
    assertEquals(RefusalCode.WRONG_STATE, refusal.code());
    assertEquals(CeremonyKind.ENROLMENT, last().getKind());
    assertEquals(CeremonyOutcome.FAILED, last().getOutcome());
  }

  @Test
  void anEnrolmentPinThatBreaksTheRulesIsRefusedNamingTheCustodian() {
    List<CustodianPresence> five = new ArrayList<>();
    for (String username : List.of("kc.a1", "kc.b2", "kc.c3", "kc.d4", "kc.e5")) {
      five.add(new CustodianPresence(username, "12345678".toCharArray()));
    }
    Refusal refusal =
        assertThrows(Refusal.class, () -> ceremonies.enrol(five, CeremonySource.COMMAND_LINE));
    assertEquals(RefusalCode.INVALID_INPUT, refusal.code());
    assertTrue(
        refusal.getMessage().contains("the PIN of kc.a1 is only digits"), refusal.getMessage());
  }

  private void assertRecordedFailure(Refusal refusal) {
    assertEquals(TokenStatus.OFFLINE, cryptoToken.token().status());
    KeyCeremony record = last();
    assertEquals(CeremonyOutcome.FAILED, record.getOutcome());
    assertEquals(refusal.getMessage(), record.getFailure());
    AuditEvent audit = lastAudit(AuditAction.TOKEN_ACTIVATED);
    assertEquals("DENIED", audit.getOutcome().name());
    assertTrue(audit.getDetail().contains(refusal.getMessage()), audit.getDetail());
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

  private static List<KeyCeremony> history() {
    return ServiceTier.inTransaction(
        em ->
            em.createNamedQuery(KeyCeremony.BY_TOKEN, KeyCeremony.class)
                .setParameter("token", "ca")
                .getResultList());
  }

  private static KeyCeremony last() {
    List<KeyCeremony> history = history();
    return history.get(history.size() - 1);
  }

  private static Operator operator(String username) {
    return ServiceTier.inTransaction(
        em ->
            em.createNamedQuery(Operator.BY_USERNAME, Operator.class)
                .setParameter("username", username)
                .getSingleResult());
  }
}
