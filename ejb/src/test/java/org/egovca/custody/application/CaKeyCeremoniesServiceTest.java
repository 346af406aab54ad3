package org.egovca.custody.application;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.egovca.custody.application.CustodyFixtures.demoCustodians;
import static org.egovca.custody.application.CustodyFixtures.lastAudit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.ca.application.CaKeyRollovers;
import org.egovca.ca.application.CertificateAssemblers;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.x509.CertificateAssembler;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonyOutcome;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.custody.domain.KeyBackup;
import org.egovca.custody.domain.KeyCeremony;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup, restore and destruction of a CA key by three custodians, on the service tier's demo
 * custodians. The key a test destroys is the retired key of a root CA made for the test, so that no
 * other test loses the CA it issues from.
 */
@ExtendWith(ServiceTier.class)
class CaKeyCeremoniesServiceTest {

  private static final CeremonySource SOURCE = CeremonySource.COMMAND_LINE;
  private static final byte[] DATA = "signed after the restore".getBytes(UTF_8);

  @Inject CaKeyCeremonies ceremonies;
  @Inject CaToken cryptoToken;
  @Inject CaKeyRollovers rollovers;
  @Inject CertificateAssemblers assemblers;

  @TempDir Path media;

  @Test
  void aRetiredCaKeyIsBackedUpRestoredAfterALossAndDestroyedWithItsBackups() throws Exception {
    String retired = retiredKeyOfANewRoot();
    PublicKey publicKey = cryptoToken.token().publicKey(retired);
    Path location = media.resolve("backup-of-" + retired);

    long backup = ceremonies.backUp(retired, location.toString(), demoCustodians(1, 2, 3), SOURCE);

    assertTrue(Files.exists(location.resolve(retired + ".pub")), "the backup token holds the key");
    KeyBackup recorded = backupOf(retired);
    assertEquals(backup, recorded.getCeremony().getId());
    assertArrayEquals(publicKey.getEncoded(), recorded.getPublicKey());
    assertSucceeded(backup, CeremonyKind.BACKUP, retired, AuditAction.KEY_BACKED_UP);

    // the token loses the key (a damaged or replaced token): the custodians restore it
    cryptoToken.token().destroyKey(retired);
    long restore = ceremonies.restore(retired, demoCustodians(3, 4, 5), SOURCE);

    assertSucceeded(restore, CeremonyKind.RESTORE, retired, AuditAction.KEY_RESTORED);
    assertTrue(signs(retired, publicKey), "the restored key signs for its public key");
    Refusal again = refused(() -> ceremonies.restore(retired, demoCustodians(1, 2, 3), SOURCE));
    assertEquals(RefusalCode.WRONG_STATE, again.code());
    assertTrue(again.getMessage().contains("holds key " + retired + " already"));

    Refusal tooEarly = refused(() -> ceremonies.destroy(retired, demoCustodians(1, 2, 3), SOURCE));
    assertEquals(RefusalCode.WRONG_STATE, tooEarly.code());
    assertTrue(tooEarly.getMessage().contains("still signs the CRLs"), tooEarly.getMessage());

    ServiceTier.clock().advance(Duration.ofDays(3));
    long destruction = ceremonies.destroy(retired, demoCustodians(2, 3, 4), SOURCE);

    assertFalse(cryptoToken.token().containsKey(retired), "the destroyed key is gone");
    assertSucceeded(destruction, CeremonyKind.DESTRUCTION, retired, AuditAction.KEY_DESTROYED);
    String detail = lastAudit(AuditAction.KEY_DESTROYED).getDetail();
    assertTrue(detail.contains("publicKeySha256="), "the record names the key destroyed");
    assertTrue(detail.contains("erase the backups at " + location), detail);
    Refusal restoreDestroyed =
        refused(() -> ceremonies.restore(retired, demoCustodians(1, 2, 3), SOURCE));
    assertEquals(RefusalCode.WRONG_STATE, restoreDestroyed.code());
    assertTrue(
        restoreDestroyed.getMessage().contains("was destroyed"), restoreDestroyed.getMessage());
  }

  @Test
  void aBackupLocationBesideALinkIsRefused() throws Exception {
    String current = currentKeyOfTheRoot();
    Path location = media.resolve("planted");
    Files.createSymbolicLink(
        media.resolve("planted.old"), ServiceTier.dataDirectory().resolve("token"));

    Refusal refusal =
        refused(
            () -> ceremonies.backUp(current, location.toString(), demoCustodians(1, 2, 3), SOURCE));

    assertTrue(refusal.getMessage().contains("symbolic link"), refusal.getMessage());
    assertTrue(
        Files.exists(ServiceTier.dataDirectory().resolve("token/token.properties")),
        "the CA's token is untouched");
  }

  @Test
  void theCurrentKeyOfACaIsNeverDestroyed() {
    String current = currentKeyOfTheRoot();

    Refusal refusal = refused(() -> ceremonies.destroy(current, demoCustodians(1, 2, 3), SOURCE));

    assertEquals(RefusalCode.WRONG_STATE, refusal.code());
    assertTrue(refusal.getMessage().contains("is the current key of CA"), refusal.getMessage());
    assertTrue(cryptoToken.token().containsKey(current));
    assertFailedFor(CeremonyKind.DESTRUCTION, current, refusal);
  }

  @Test
  void aBackupNeedsThreeCustodiansACaKeyAndANewDirectory() throws Exception {
    String current = currentKeyOfTheRoot();
    String location = media.resolve("two-custodians").toString();

    Refusal tooFew =
        refused(() -> ceremonies.backUp(current, location, demoCustodians(1, 2), SOURCE));
    assertEquals(RefusalCode.INVALID_INPUT, tooFew.code());
    assertTrue(tooFew.getMessage().contains("only 2 key custodian(s) present"));
    assertFailedFor(CeremonyKind.BACKUP, current, tooFew);
    assertFalse(Files.exists(Path.of(location)), "a refused backup writes nothing");

    Refusal notCa =
        refused(() -> ceremonies.backUp("kmc-escrow", location, demoCustodians(1, 2, 3), SOURCE));
    assertTrue(notCa.getMessage().contains("is not a CA key"), notCa.getMessage());

    Refusal relative =
        refused(() -> ceremonies.backUp(current, "backups/ca", demoCustodians(1, 2, 3), SOURCE));
    assertTrue(relative.getMessage().contains("absolute path"), relative.getMessage());

    Files.writeString(media.resolve("occupied"), "", UTF_8);
    Refusal notEmpty =
        refused(
            () -> ceremonies.backUp(current, media.toString(), demoCustodians(1, 2, 3), SOURCE));
    assertTrue(notEmpty.getMessage().contains("is not an empty directory"), notEmpty.getMessage());
  }

  @Test
  void aRestoreWithoutARecordedBackupIsRefused() {
    Refusal refusal =
        refused(
            () ->
                ceremonies.restore(
                    "never-backed-up-" + UUID.randomUUID(), demoCustodians(1, 2, 3), SOURCE));

    assertEquals(RefusalCode.WRONG_STATE, refusal.code());
    assertTrue(refusal.getMessage().contains("no backup of key"), refusal.getMessage());
  }

  /** A new root CA (valid for one more day) rolled over: returns its retired key's alias. */
  private String retiredKeyOfANewRoot() {
    String name = "ceremony-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = ServiceTier.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    Instant notAfter = now.plus(Duration.ofDays(1));
    String alias = name + "-k1";
    PublicKey key = cryptoToken.token().generateKeyPair(alias, KeyAlgorithm.SM2_256);
    CertificateAssembler assembler = assemblers.assembler();
    X509CertificateHolder certificate =
        assembler.rootCa(
            new X500Name("CN=" + name + ",O=e-Gov CA service tests,C=CN"),
            alias,
            KeyAlgorithm.SM2_256,
            SubjectPublicKeyInfo.getInstance(key.getEncoded()),
            now.minus(Duration.ofDays(1)),
            notAfter);
    ServiceTier.inTransaction(
        em -> {
          em.persist(
              new CertificateAuthority(
                  name,
                  "CN=" + name + ",O=e-Gov CA service tests,C=CN",
                  null,
                  alias,
                  KeyAlgorithm.SM2_256.name(),
                  certificate.getSerialNumber(),
                  now.minus(Duration.ofDays(1)),
                  notAfter,
                  CertificateAssembler.encode(certificate),
                  now));
          return null;
        });
    ServiceTier.inTransaction(em -> rollovers.rollOver(name, "service-test"));
    return alias;
  }

  private String currentKeyOfTheRoot() {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT c.keyAlias FROM CertificateAuthority c WHERE c.parent IS NULL"
                        + " AND c.name NOT LIKE 'ceremony-%'",
                    String.class)
                .setMaxResults(1)
                .getSingleResult());
  }

  private boolean signs(String alias, PublicKey publicKey) throws Exception {
    byte[] signature = cryptoToken.token().sign(alias, SignatureAlgorithm.SM3_WITH_SM2, DATA);
    Signature verifier =
        Signature.getInstance(
            SignatureAlgorithm.SM3_WITH_SM2.jcaName(), new BouncyCastleProvider());
    verifier.initVerify(publicKey);
    verifier.update(DATA);
    return verifier.verify(signature);
  }

  private static Refusal refused(org.junit.jupiter.api.function.Executable ceremony) {
    return assertThrows(Refusal.class, ceremony);
  }

  private static void assertSucceeded(
      long ceremonyId, CeremonyKind kind, String alias, AuditAction action) {
    KeyCeremony ceremony = ServiceTier.inTransaction(em -> em.find(KeyCeremony.class, ceremonyId));
    assertEquals(kind, ceremony.getKind());
    assertEquals(CeremonyOutcome.SUCCEEDED, ceremony.getOutcome());
    assertEquals(alias, ceremony.getKeyAlias());
    assertEquals(3, ceremony.getCustodians().size());
    AuditEvent audit = lastAudit(action);
    assertTrue(audit.getDetail().contains("ceremony=" + ceremonyId), audit.getDetail());
    assertTrue(audit.getDetail().contains("key=" + alias), audit.getDetail());
  }

  private static void assertFailedFor(CeremonyKind kind, String alias, Refusal refusal) {
    KeyCeremony last = CustodyFixtures.lastCeremony();
    assertEquals(kind, last.getKind());
    assertEquals(CeremonyOutcome.FAILED, last.getOutcome());
    assertEquals(alias, last.getKeyAlias());
    assertEquals(refusal.getMessage(), last.getFailure());
  }

  private static KeyBackup backupOf(String alias) {
    return ServiceTier.inTransaction(
        em -> {
          KeyBackup backup =
              em.createNamedQuery(KeyBackup.OF_KEY, KeyBackup.class)
                  .setParameter("alias", alias)
                  .getSingleResult();
          backup.getCeremony().getId();
          return backup;
        });
  }
}
