package org.egovca.custody.application;

import static org.egovca.custody.application.CustodyFixtures.consoleLogin;
import static org.egovca.custody.application.CustodyFixtures.demoCustodians;
import static org.egovca.custody.application.CustodyFixtures.lastAudit;
import static org.egovca.custody.application.CustodyFixtures.lastCeremony;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonyOutcome;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.custody.domain.KeyCeremony;
import org.egovca.hsm.TokenStatus;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key ceremonies hosted at the console (issue 13 item 2) on the service tier's demo custodians: a
 * security administrator hosts, the custodians type their usernames and PINs, and the ceremony is
 * recorded with the source CONSOLE and its host whatever its outcome; an operator without {@code
 * HOST_KEY_CEREMONY} is refused before any PIN is looked at, and the refusal is audited.
 */
@ExtendWith(ServiceTier.class)
class ConsoleCeremoniesServiceTest {

  /** The host's browser on the CA's own machine. */
  private static final String LOOPBACK = "127.0.0.1";

  private static CustodyFixtures.Login admin;
  private static CustodyFixtures.Login clerk;

  @Inject ConsoleCeremonies ceremonies;
  @Inject DemoCustodians demo;
  @Inject CaToken cryptoToken;

  @TempDir Path media;

  @BeforeAll
  static void operators() {
    admin = consoleLogin(OperatorRole.SECURITY_ADMIN);
    clerk = consoleLogin(OperatorRole.ENTRY_CLERK);
  }

  @AfterEach
  void leaveTheTokenActive() {
    if (cryptoToken.token().status() == TokenStatus.OFFLINE) {
      demo.activate();
    }
  }

  @Test
  void aSecurityAdministratorHostsABackupRecordedWithTheConsoleAndTheHost() {
    String rootKey = rootKey();
    Path location = media.resolve("console-backup");
    List<CustodianPresence> present = demoCustodians(1, 2, 3);

    long id =
        ceremonies.hold(
            admin.token(),
            ConsoleCeremony.BACKUP,
            Map.of("key", rootKey, "location", location.toString()),
            present,
            LOOPBACK);

    assertTrue(Files.exists(location.resolve(rootKey + ".pub")), "the backup token holds the key");
    KeyCeremony ceremony = ceremony(id);
    assertEquals(CeremonyKind.BACKUP, ceremony.getKind());
    assertEquals(CeremonyOutcome.SUCCEEDED, ceremony.getOutcome());
    assertEquals(CeremonySource.CONSOLE, ceremony.getSource());
    assertEquals(admin.username(), ceremony.getHostedBy());
    assertEquals(List.of("custodian1", "custodian2", "custodian3"), ceremony.getCustodians());
    assertEquals(rootKey, ceremony.getKeyAlias());
    AuditEvent audit = lastAudit(AuditAction.KEY_BACKED_UP);
    assertEquals(AuditOutcome.SUCCESS, audit.getOutcome());
    assertTrue(audit.getDetail().contains("ceremony=" + id), audit.getDetail());
    assertTrue(
        audit.getDetail().contains("CONSOLE hosted by " + admin.username()), audit.getDetail());
    assertPinsCleared(present);
  }

  @Test
  void aCeremonyFromABrowserOnAnotherMachineIsRefusedAndAudited() {
    AuditEvent audit = deniedBackup(admin.token(), "192.0.2.7");

    assertEquals("operator:" + admin.username(), audit.getActor());
    assertTrue(audit.getDetail().contains("192.0.2.7"), audit.getDetail());
  }

  @Test
  void anOperatorWithoutThePermissionIsRefusedAndTheRefusalAudited() {
    AuditEvent audit = deniedBackup(clerk.token(), LOOPBACK);

    assertEquals("operator:" + clerk.username(), audit.getActor());
    assertTrue(audit.getDetail().contains("HOST_KEY_CEREMONY"), audit.getDetail());
  }

  @Test
  void theHostShowsAnApprovedRolloverRequestAndNoOneElseMay() {
    Refusal clerkAsks =
        assertThrows(Refusal.class, () -> ceremonies.describeRollover(clerk.token(), "1"));
    assertEquals(RefusalCode.NOT_AUTHORIZED, clerkAsks.code());
    Refusal notANumber =
        assertThrows(Refusal.class, () -> ceremonies.describeRollover(admin.token(), "7x"));
    assertEquals(RefusalCode.INVALID_INPUT, notANumber.code());
    assertEquals("request", notANumber.problems().get(0).field());
    Refusal unknown =
        assertThrows(
            Refusal.class,
            () -> ceremonies.describeRollover(admin.token(), Long.toString(Long.MAX_VALUE)));
    assertEquals(RefusalCode.NOT_FOUND, unknown.code());
  }

  /**
   * A backup hosted by the operator of {@code token} from {@code address}, refused before any
   * ceremony began, nothing written and the PINs cleared.
   *
   * @return the audit event of the denial
   */
  private AuditEvent deniedBackup(String token, String address) {
    long before = lastCeremony().getId();
    List<CustodianPresence> present = demoCustodians(1, 2, 3);
    Path location = media.resolve("denied-backup");

    Refusal refusal =
        assertThrows(
            Refusal.class,
            () ->
                ceremonies.hold(
                    token,
                    ConsoleCeremony.BACKUP,
                    Map.of("key", rootKey(), "location", location.toString()),
                    present,
                    address));

    assertEquals(RefusalCode.NOT_AUTHORIZED, refusal.code());
    AuditEvent audit = lastAudit(AuditAction.KEY_CEREMONY_HOSTED);
    assertEquals(AuditOutcome.DENIED, audit.getOutcome());
    assertEquals("ceremony:backup", audit.getTarget());
    assertEquals(before, lastCeremony().getId(), "no ceremony began");
    assertFalse(Files.exists(location), "nothing was written");
    assertPinsCleared(present);
    return audit;
  }

  @Test
  void twoCustodiansAreRefusedAndTheCeremonyRecordedAsFailedWithItsHost() {
    String rootKey = rootKey();
    String location = media.resolve("two-custodians").toString();

    Refusal refusal =
        assertThrows(
            Refusal.class,
            () ->
                ceremonies.hold(
                    admin.token(),
                    ConsoleCeremony.BACKUP,
                    Map.of("key", rootKey, "location", location),
                    demoCustodians(1, 2),
                    LOOPBACK));

    assertEquals(RefusalCode.INVALID_INPUT, refusal.code());
    assertTrue(refusal.getMessage().contains("only 2 key custodian(s) present"));
    KeyCeremony failed = lastCeremony();
    assertEquals(CeremonyKind.BACKUP, failed.getKind());
    assertEquals(CeremonyOutcome.FAILED, failed.getOutcome());
    assertEquals(CeremonySource.CONSOLE, failed.getSource());
    assertEquals(admin.username(), failed.getHostedBy());
    assertEquals(refusal.getMessage(), failed.getFailure());
    AuditEvent audit = lastAudit(AuditAction.KEY_BACKED_UP);
    assertEquals(AuditOutcome.DENIED, audit.getOutcome());
    assertTrue(
        audit.getDetail().contains("CONSOLE hosted by " + admin.username()), audit.getDetail());
    assertFalse(Files.exists(Path.of(location)), "a refused backup writes nothing");
  }

  @Test
  void aMissingParameterOrPinIsRefusedNamingItsFieldBeforeTheCeremonyBegins() {
    long before = lastCeremony().getId();

    Refusal noLocation =
        assertThrows(
            Refusal.class,
            () ->
                ceremonies.hold(
                    admin.token(),
                    ConsoleCeremony.BACKUP,
                    Map.of("key", rootKey()),
                    demoCustodians(1, 2, 3),
                    LOOPBACK));
    assertEquals(RefusalCode.INVALID_INPUT, noLocation.code());
    assertEquals("location", noLocation.problems().get(0).field());

    List<CustodianPresence> withoutPin = demoCustodians(1, 2);
    withoutPin.add(new CustodianPresence("custodian3", new char[0]));
    Refusal noPin =
        assertThrows(
            Refusal.class,
            () ->
                ceremonies.hold(
                    admin.token(),
                    ConsoleCeremony.BACKUP,
                    Map.of("key", rootKey(), "location", media.resolve("x").toString()),
                    withoutPin,
                    LOOPBACK));
    assertEquals("pin2", noPin.problems().get(0).field());
    assertEquals(before, lastCeremony().getId(), "no ceremony began");
    assertPinsCleared(withoutPin);
  }

  @Test
  void theActivationAfterAStartIsHostedAtTheConsoleToo() {
    cryptoToken.token().deactivate();

    long id =
        ceremonies.hold(
            admin.token(), ConsoleCeremony.ACTIVATE, Map.of(), demoCustodians(2, 4, 5), LOOPBACK);

    assertEquals(TokenStatus.ACTIVE, cryptoToken.token().status());
    KeyCeremony ceremony = ceremony(id);
    assertEquals(CeremonyKind.ACTIVATION, ceremony.getKind());
    assertEquals(CeremonySource.CONSOLE, ceremony.getSource());
    assertEquals(admin.username(), ceremony.getHostedBy());
    assertNull(ceremony.getKeyAlias());
  }

  private static void assertPinsCleared(List<CustodianPresence> present) {
    for (CustodianPresence custodian : present) {
      for (char c : custodian.pin()) {
        assertEquals('\0', c, "the PIN of " + custodian.username() + " is cleared");
      }
    }
  }

  private static KeyCeremony ceremony(long id) {
    return ServiceTier.inTransaction(em -> em.find(KeyCeremony.class, id));
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
}
