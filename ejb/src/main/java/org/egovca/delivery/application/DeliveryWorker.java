package org.egovca.delivery.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.delivery.domain.Delivery;
import org.egovca.delivery.domain.DeliveryQueue;

/**
 * Delivers one queue's pending items, oldest first, in one transaction. The worker first claims the
 * queue's row with {@code SELECT … FOR UPDATE SKIP LOCKED} (PostgreSQL): a second worker — another
 * thread, or another Payara instance on the same database — finds the row taken and leaves at once,
 * so an item is never delivered by two workers, and never overtaken. The first failure stops the
 * run and puts the queue into backoff, keeping the order. A crash between a delivery and the commit
 * sends that item again on the next run: receivers apply by message id, and the directory writes
 * are idempotent.
 */
@Stateless
public class DeliveryWorker {

  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

  /** Items per run: bounds the time the queue row stays locked. */
  static final int RUN_SIZE = 200;

  private static final String CLAIM =
      "SELECT name FROM delivery_queue WHERE name = ?1 AND next_attempt_at <= ?2"
          + " FOR UPDATE SKIP LOCKED";

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private DeliveryTargets targets;
  @Inject private CaConfiguration configuration;

  @Inject private Clock clock;

  /**
   * Delivers up to {@link #RUN_SIZE} items of {@code queueName}.
   *
   * @return how the run went; {@link Run#claimed()} is false when another worker holds the queue,
   *     or it is waiting (backoff, next batch, deactivated system)
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Run drain(String queueName) {
    Instant now = clock.instant();
    List<?> claimed =
        entityManager
            .createNativeQuery(CLAIM)
            .setParameter(1, queueName)
            .setParameter(2, Timestamp.from(now))
            .getResultList();
    if (claimed.isEmpty()) {
      return Run.NOT_CLAIMED;
    }
    Optional<DeliveryTargets.Resolved> resolved = targets.resolve(queueName);
    if (resolved.isEmpty()) {
      return Run.NOT_CLAIMED;
    }
    DeliveryQueue queue = entityManager.find(DeliveryQueue.class, queueName);
    List<Delivery> items =
        entityManager
            .createNamedQuery(Delivery.PENDING_IN_QUEUE, Delivery.class)
            .setParameter("queue", queueName)
            .setMaxResults(RUN_SIZE)
            .getResultList();
    int delivered = 0;
    try (DeliveryTarget.Session session = resolved.get().target().open()) {
      for (Delivery item : items) {
        DeliveryTarget.Outcome outcome = deliver(session, item);
        Instant at = clock.instant();
        if (!outcome.delivered()) {
          item.failed(at, outcome.detail());
          queue.failed(at, configuration.longestDeliveryWait());
          LOG.log(
              Level.WARNING,
              "Delivery {0} ({1}) to {2} failed, attempt {3}; the queue waits until {4}: {5}",
              new Object[] {
                item.getId(),
                item.getReference(),
                queueName,
                item.getAttempts(),
                queue.getNextAttemptAt(),
                outcome.detail()
              });
          return new Run(true, delivered, true, false);
        }
        item.delivered(at);
        delivered++;
      }
    }
    boolean more = items.size() == RUN_SIZE;
    if (!more) {
      queue.drained(clock.instant(), resolved.get().batchPause());
    }
    return new Run(true, delivered, false, more);
  }

  private static DeliveryTarget.Outcome deliver(DeliveryTarget.Session session, Delivery item) {
    try {
      return session.deliver(item);
    } catch (RuntimeException e) {
      // A bug or a broken row must not roll back the items already delivered in this run.
      LOG.log(Level.SEVERE, "Delivery " + item.getId() + " failed unexpectedly", e);
      return DeliveryTarget.Outcome.failed("internal error: " + e);
    }
  }

  /**
   * @param claimed whether this worker held the queue
   * @param delivered how many items it delivered
   * @param failed whether an item failed (the queue is in backoff)
   * @param more whether items were left for another run
   */
  public record Run(boolean claimed, int delivered, boolean failed, boolean more) {
    static final Run NOT_CLAIMED = new Run(false, 0, false, false);
  }
}
