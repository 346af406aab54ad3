package org.egovca.custody.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.egovca.ca.application.CaKeys;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.custody.domain.KeyBackup;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.egovca.hsm.TokenStatus;
import org.egovca.hsm.sharing.ActivationDataException;
import org.egovca.hsm.sharing.SealedTokenPin;

/**
 * The ceremonies of one CA key (CPS §6.5.2.2-6.5.2.3, §7.5.1.2 item 2): three custodians back it up
 * into a new backup token, restore it from there into the CA's token, or destroy it. Each is
 * recorded (custodians, key, outcome) and audited whatever its outcome, and what it does happens in
 * the transaction of its record.
 *
 * <p>A backup token is a software token in a new directory the custodians name (removable media,
 * say): the key moves into it wrapped, never in clear, and its PIN is random, kept only sealed
 * under the custodians' secret, so that the backup alone restores nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CaKeyCeremonies {

  /** The name of every backup token (a name is only used in messages and logs). */
  private static final String BACKUP_TOKEN = "backup";

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CaToken cryptoToken;
  @Inject private CaKeys caKeys;
  @Inject private CeremonyRecords records;
  @Inject private CustodianQuorum quorums;
  @Inject private Clock clock;

  /**
   * Copies the CA key {@code alias} into a new backup token in the empty or new directory {@code
   * location}, whose PIN is sealed under the custodians' secret.
   *
   * @return the ceremony's record
   * @throws Refusal if the key is no CA key, the location is not an absolute path to a new or empty
   *     directory, the token is offline, or the custodians are refused
   */
  public long backUp(
      String alias, String location, List<CustodianPresence> custodians, CeremonySource source) {
    return backUp(alias, location, custodians, source, null);
  }

  /**
   * As {@link #backUp(String, String, List, CeremonySource)}, hosted at the console by {@code
   * host}.
   */
  public long backUp(
      String alias,
      String location,
      List<CustodianPresence> custodians,
      CeremonySource source,
      String host) {
    CeremonyRun run = run(CeremonyKind.BACKUP, alias, custodians, source).hostedBy(host);
    return run.run(
        () -> {
          requireCaKey(alias);
          Path directory = newDirectory(location);
          requireActive();
          try (CustodianQuorum.Quorum quorum = quorums.open(run)) {
            return records.heldFor(
                run,
                alias,
                "location=" + directory,
                ceremony -> {
                  byte[] sealedPin = backUpInto(alias, directory, quorum.secret());
                  entityManager.persist(
                      new KeyBackup(
                          ceremony,
                          alias,
                          cryptoToken.token().keyAlgorithm(alias).name(),
                          cryptoToken.token().publicKey(alias).getEncoded(),
                          directory.toString(),
                          records.distribution(quorum.distributionId()),
                          sealedPin,
                          clock.instant()));
                });
          }
        });
  }

  /**
   * Copies the CA key {@code alias} from its newest backup back into the CA's token, which must
   * have lost it (a replacement machine, a damaged token).
   *
   * @return the ceremony's record
   * @throws Refusal if the token holds the key, no backup of it is recorded, the backup is not the
   *     one recorded, or the custodians are refused
   */
  public long restore(String alias, List<CustodianPresence> custodians, CeremonySource source) {
    return restore(alias, custodians, source, null);
  }

  /** As {@link #restore(String, List, CeremonySource)}, hosted at the console by {@code host}. */
  public long restore(
      String alias, List<CustodianPresence> custodians, CeremonySource source, String host) {
    CeremonyRun run = run(CeremonyKind.RESTORE, alias, custodians, source).hostedBy(host);
    return run.run(
        () -> {
          requireActive();
          if (cryptoToken.token().containsKey(alias)) {
            throw new Refusal(
                RefusalCode.WRONG_STATE, "the CA's token holds key " + alias + " already");
          }
          KeyBackup backup =
              records
                  .newestBackup(alias)
                  .orElseThrow(
                      () ->
                          new Refusal(
                              RefusalCode.WRONG_STATE,
                              "no backup of key " + alias + " is recorded"));
          if (!backup.isUsable()) {
            throw new Refusal(
                RefusalCode.WRONG_STATE,
                "key " + alias + " was destroyed in a key ceremony: its backups restore nothing");
          }
          try (CustodianQuorum.Quorum quorum = quorums.open(run)) {
            requireSameDistribution(backup, quorum);
            return records.heldFor(
                run,
                alias,
                "location=" + backup.getLocation() + ", backup=" + backup.getId(),
                ceremony -> restoreFrom(backup, quorum.secret()));
          }
        });
  }

  /**
   * Destroys the CA key {@code alias}, which nothing may need any more ({@link
   * CaKeys#stillNeeded}): its key material is overwritten in the token. The record names the key
   * and its public key's SHA-256.
   *
   * @return the ceremony's record
   * @throws Refusal if the key is still needed or no CA key, the token is offline, or the
   *     custodians are refused
   */
  public long destroy(String alias, List<CustodianPresence> custodians, CeremonySource source) {
    return destroy(alias, custodians, source, null);
  }

  /** As {@link #destroy(String, List, CeremonySource)}, hosted at the console by {@code host}. */
  public long destroy(
      String alias, List<CustodianPresence> custodians, CeremonySource source, String host) {
    CeremonyRun run = run(CeremonyKind.DESTRUCTION, alias, custodians, source).hostedBy(host);
    return run.run(
        () -> {
          requireActive();
          caKeys
              .stillNeeded(alias)
              .ifPresent(
                  reason -> {
                    throw new Refusal(RefusalCode.WRONG_STATE, reason);
                  });
          if (!cryptoToken.token().containsKey(alias)) {
            throw new Refusal(
                RefusalCode.WRONG_STATE, "the CA's token holds no key " + alias + " (destroyed?)");
          }
          String fingerprint = sha256(cryptoToken.token().publicKey(alias));
          try (CustodianQuorum.Quorum quorum = quorums.open(run)) {
            return records.heldFor(
                run,
                alias,
                "publicKeySha256=" + fingerprint + backupLocations(alias),
                ceremony -> {
                  records.backups(alias).forEach(KeyBackup::keyDestroyed);
                  cryptoToken.token().destroyKey(alias);
                });
          }
        });
  }

  /** Where the key's backups are, for the destruction's record: their media must be erased. */
  private String backupLocations(String alias) {
    List<String> locations = records.backupLocations(alias);
    return locations.isEmpty() ? "" : ", erase the backups at " + String.join(", ", locations);
  }

  private CeremonyRun run(
      CeremonyKind kind, String alias, List<CustodianPresence> custodians, CeremonySource source) {
    return new CeremonyRun(kind, cryptoToken.token().name(), source, custodians, records)
        .concerning(alias);
  }

  /** Writes the backup token and returns its PIN sealed under {@code secret}. */
  private byte[] backUpInto(String alias, Path directory, byte[] secret) {
    char[] pin = SealedTokenPin.newTokenPin(RANDOM);
    boolean existed = Files.exists(directory);
    try {
      SoftwareCryptoToken backup = SoftwareCryptoToken.initialize(BACKUP_TOKEN, directory, pin);
      try {
        cryptoToken.token().backupKey(alias, backup);
      } finally {
        backup.deactivate();
      }
      return SealedTokenPin.seal(pin, secret, KeyBackup.sealingName(alias), RANDOM);
    } catch (RuntimeException e) {
      removeUnrecordedBackup(directory, existed, e);
      throw e;
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  /**
   * A backup that failed leaves nothing behind (the key in it is wrapped under a PIN nobody will
   * hold); the directory itself stays if it was there before (a mount point, say).
   */
  private static void removeUnrecordedBackup(Path directory, boolean existed, RuntimeException e) {
    if (Files.isSymbolicLink(directory)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        // what the backup token wrote: its properties, key files and temporary files
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            && (name.equals("token.properties")
                || name.endsWith(".pub")
                || name.endsWith(".key")
                || name.startsWith(".tmp-"))) {
          Files.delete(file);
        }
      }
      if (!existed) {
        Files.delete(directory);
      }
    } catch (IOException cleanup) {
      e.addSuppressed(cleanup);
    }
  }

  private void restoreFrom(KeyBackup backup, byte[] secret) {
    String alias = backup.getKeyAlias();
    char[] pin;
    try {
      pin = SealedTokenPin.open(backup.getSealedPin(), secret, KeyBackup.sealingName(alias));
    } catch (ActivationDataException e) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "the custodians' shares do not open the PIN of the backup of " + alias);
    }
    SoftwareCryptoToken token =
        SoftwareCryptoToken.open(BACKUP_TOKEN, Path.of(backup.getLocation()));
    try {
      token.activate(pin);
      if (!Arrays.equals(token.publicKey(alias).getEncoded(), backup.getPublicKey())) {
        throw new Refusal(
            RefusalCode.WRONG_STATE,
            "the backup token at " + backup.getLocation() + " holds another key " + alias);
      }
      CryptoToken target = cryptoToken.holderFor(KeyAlgorithm.valueOf(backup.getKeyAlgorithm()));
      target.restoreKey(alias, token);
    } finally {
      Arrays.fill(pin, '\0');
      token.deactivate();
    }
  }

  private void requireCaKey(String alias) {
    if (!caKeys.isCaKey(alias)) {
      throw Refusal.invalid(
          null, null, "key " + alias + " is not a CA key: a backup ceremony copies CA keys only");
    }
  }

  private void requireActive() {
    if (cryptoToken.token().status() != TokenStatus.ACTIVE) {
      throw new Refusal(
          RefusalCode.TOKEN_OFFLINE,
          "the CA's token is OFFLINE: three custodians activate it before this ceremony");
    }
  }

  private static void requireSameDistribution(KeyBackup backup, CustodianQuorum.Quorum quorum) {
    if (backup.getDistribution().getId() != quorum.distributionId()) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "the backup of "
              + backup.getKeyAlias()
              + " is sealed for another share distribution than the custodians' current one");
    }
  }

  /** An absolute path to a directory that does not exist yet or is empty, under one that does. */
  private static Path newDirectory(String location) {
    Path directory;
    try {
      directory = Path.of(location).normalize();
    } catch (InvalidPathException e) {
      throw Refusal.invalid(null, null, "the backup location is not a path");
    }
    if (!directory.isAbsolute() || directory.getParent() == null) {
      throw Refusal.invalid(null, null, "the backup location must be an absolute path");
    }
    if (!Files.isDirectory(directory.getParent())) {
      throw Refusal.invalid(
          null, null, "the backup location's parent " + directory.getParent() + " is no directory");
    }
    if (!passesNoLink(directory)) {
      // a link could point the backup, or the erasure of a failed one, at another token's files
      throw Refusal.invalid(
          null,
          null,
          "the backup location " + directory + " must not pass through a symbolic link");
    }
    if (Files.exists(directory) && !isEmptyDirectory(directory)) {
      throw Refusal.invalid(
          null, null, "the backup location " + directory + " exists and is not an empty directory");
    }
    return directory;
  }

  /**
   * Whether neither the location, its parents, nor the siblings a software token uses while it
   * changes its PIN ({@code .next}, {@code .old}) are symbolic links or (the siblings) exist.
   */
  private static boolean passesNoLink(Path directory) {
    try {
      Path parent = directory.getParent();
      if (!parent.toRealPath().equals(parent) || Files.isSymbolicLink(directory)) {
        return false;
      }
      for (String sibling : List.of(".next", ".old")) {
        Path path = directory.resolveSibling(directory.getFileName() + sibling);
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isEmptyDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      return !entries.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  private static String sha256(PublicKey key) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
