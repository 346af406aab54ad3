package org.egovca.kmc.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The retention of escrowed keys, swept daily (and once at start, {@link KmcStartup}).
 *
 * <p>CPS §7.5.2.2.5 (私钥归档): "KMC提供过期的托管私钥的存档服务；保存期为十年。" and "当私钥过了保存期，将依据相关规定对其进行销毁。"; §7.5.2.2.10
 * has the KMC archive a holder's encryption key at the end of its life and keep it for a period. So
 * a key whose certificate expired becomes ARCHIVED, and stays restorable, since recovery is what
 * the KMC keeps encryption keys for (§7.1.3.8); ten years after that expiry it becomes DESTROYED:
 * its escrowed private key is gone from the row and an escrow_destruction record says which key,
 * when and by which sweep (SPEC R14). A revoked key is archived with its revocation kept.
 *
 * <p>Each batch of at most {@code batchSize} keys is one transaction, so a large backlog never
 * holds one huge transaction, and every committed batch is whole (states, records and the sweep's
 * counts together). A sweep stops between batches when its thread is interrupted (undeploy). After
 * destroying keys it runs {@code VACUUM escrowed_key}, so the dead row versions still holding the
 * ciphertext are reclaimed ({@link KmcStore#vacuumEscrowedKeys}). No key is destroyed while the
 * host's clock and the database server's disagree ({@link #MAX_CLOCK_DISAGREEMENT}).
 */
final class EscrowRetention {

  /** How long an expired escrowed key is archived before it is destroyed (CPS §7.5.2.2.5). */
  static final Period RETENTION = Period.ofYears(10);

  static final int DEFAULT_BATCH_SIZE = 1000;

  /**
   * How far the host's clock may be from the database server's before no key is destroyed: a clock
   * set years ahead (a restored virtual machine, a wrong NTP source, a mistyped date) would
   * otherwise destroy keys that are still to be kept, which nothing can undo.
   */
  static final Duration MAX_CLOCK_DISAGREEMENT = Duration.ofHours(1);

  private static final Logger LOG = Logger.getLogger(EscrowRetention.class.getName());

  /**
   * What one sweep did.
   *
   * @param id its retention_sweep row
   * @param vacuumed whether VACUUM ran after destruction (false also when nothing was destroyed)
   */
  record Sweep(long id, int archived, int destroyed, boolean vacuumed) {}

  /**
   * A time the host's clock is checked against (the database server's, {@link
   * KmcStore#databaseNow}).
   */
  @FunctionalInterface
  interface ReferenceTime {
    Instant now() throws Exception;
  }

  /** One batch, in one transaction: how many keys it moved. */
  @FunctionalInterface
  private interface Batch {
    int run(KmcStore.Records records) throws Exception;
  }

  private final KmcStore store;
  private final Clock clock;
  private final ReferenceTime referenceTime;
  private final int batchSize;

  EscrowRetention(KmcStore store, Clock clock, ReferenceTime referenceTime, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("the retention sweep's batch size must be positive");
    }
    this.store = store;
    this.clock = clock;
    this.referenceTime = referenceTime;
    this.batchSize = batchSize;
  }

  /**
   * Archives every key whose certificate expired, then destroys every archived key whose
   * certificate expired more than {@link #RETENTION} ago. Running it again changes nothing.
   *
   * @throws Exception when the database fails; the batches committed before stay done
   */
  Sweep run() throws Exception {
    Instant now = clock.instant();
    Instant destroyBefore = now.atOffset(ZoneOffset.UTC).minus(RETENTION).toInstant();
    long sweep = store.inTransaction(records -> records.startSweep(now, now, destroyBefore));
    int archived = inBatches(records -> records.archiveExpired(sweep, now, now, batchSize));
    int destroyed =
        clockAgrees(now)
            ? inBatches(records -> records.destroyArchived(sweep, now, destroyBefore, batchSize))
            : 0;
    if (Thread.currentThread().isInterrupted()) {
      LOG.warning(() -> "retention sweep " + sweep + " stopped before its end (interrupted)");
      return new Sweep(sweep, archived, destroyed, false);
    }
    store.inTransaction(
        records -> {
          records.finishSweep(sweep, clock.instant());
          return null;
        });
    boolean vacuumed = destroyed > 0 && vacuum(sweep);
    LOG.info(
        () ->
            "retention sweep "
                + sweep
                + ": archived "
                + archived
                + " escrowed keys whose certificate expired, destroyed "
                + destroyed
                + " whose certificate expired more than "
                + RETENTION.getYears()
                + " years ago");
    return new Sweep(sweep, archived, destroyed, vacuumed);
  }

  private boolean clockAgrees(Instant now) throws Exception {
    Instant reference = referenceTime.now();
    if (Duration.between(reference, now).abs().compareTo(MAX_CLOCK_DISAGREEMENT) > 0) {
      LOG.severe(
          () ->
              "the KMC's clock says "
                  + now
                  + " and the database server's "
                  + reference
                  + ": no escrowed key is destroyed until they agree (within "
                  + MAX_CLOCK_DISAGREEMENT.toMinutes()
                  + " minutes)");
      return false;
    }
    return true;
  }

  /** {@link #run}, for the scheduler: a failure is logged, and the next day's sweep still runs. */
  void runScheduled() {
    try {
      run();
    } catch (Exception e) {
      LOG.log(
          Level.SEVERE, "the retention sweep of escrowed keys failed; it runs again tomorrow", e);
    }
  }

  private int inBatches(Batch batch) throws Exception {
    int total = 0;
    int done;
    do {
      if (Thread.currentThread().isInterrupted()) {
        return total;
      }
      done = store.inTransaction(batch::run);
      total += done;
    } while (done == batchSize);
    return total;
  }

  /**
   * The destruction has committed; a failing VACUUM does not undo it, so it is logged (the next
   * VACUUM, or autovacuum, reclaims the dead versions then) and the sweep still succeeds.
   */
  private boolean vacuum(long sweep) {
    try {
      Optional<String> warning = store.vacuumEscrowedKeys();
      warning.ifPresent(
          text -> LOG.warning(() -> "VACUUM escrowed_key after sweep " + sweep + ": " + text));
      return warning.isEmpty();
    } catch (Exception e) {
      LOG.log(
          Level.WARNING,
          "VACUUM escrowed_key after sweep "
              + sweep
              + " failed; the destroyed keys' old row versions stay until the next VACUUM",
          e);
      return false;
    }
  }
}
