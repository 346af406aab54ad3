package org.egovca.delivery.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.domain.Refusal;
import org.egovca.delivery.domain.Delivery;
import org.egovca.delivery.domain.DeliveryQueue;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.ra.application.ConsoleAccess;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;

/**
 * The system maintainer's view of the delivery queues: per queue its length, the oldest pending
 * delivery and the failures; the deliveries of a queue; and a retry that ends a queue's backoff at
 * once.
 */
@Stateless
public class DeliveryMonitor {

  private static final int ITEMS_SHOWN = 100;

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private ConsoleAccess access;
  @Inject private AuditLog auditLog;
  @Inject private Event<DeliveriesQueued> queued;

  @Inject private Clock clock;

  public List<QueueSummary> queues(String token) {
    access.require(token, Permission.MANAGE_DELIVERIES, AuditAction.DELIVERIES_VIEWED, null);
    Map<String, String> labels = new HashMap<>();
    for (EgovSystem system :
        entityManager.createNamedQuery(EgovSystem.ALL, EgovSystem.class).getResultList()) {
      labels.put(system.queue(), system.getName() + (system.isActive() ? "" : " (inactive)"));
    }
    List<Object[]> pending =
        entityManager
            .createQuery(
                "SELECT d.queue, COUNT(d), MIN(d.createdAt), MAX(d.attempts) FROM Delivery d"
                    + " WHERE d.deliveredAt IS NULL GROUP BY d.queue",
                Object[].class)
            .getResultList();
    Map<String, Object[]> byQueue = new HashMap<>();
    pending.forEach(row -> byQueue.put((String) row[0], row));
    return entityManager
        .createQuery("SELECT q FROM DeliveryQueue q ORDER BY q.name", DeliveryQueue.class)
        .getResultList()
        .stream()
        .map(
            queue -> {
              Object[] row = byQueue.get(queue.getName());
              return new QueueSummary(
                  queue.getName(),
                  labels.getOrDefault(queue.getName(), "LDAP directory"),
                  row == null ? 0 : ((Number) row[1]).longValue(),
                  row == null ? null : (Instant) row[2],
                  queue.getFailures(),
                  queue.getNextAttemptAt(),
                  lastError(queue.getName()));
            })
        .toList();
  }

  /** The queue's pending deliveries, oldest first, then its latest delivered ones. */
  public List<DeliveryView> items(String token, String queue) {
    access.require(token, Permission.MANAGE_DELIVERIES, AuditAction.DELIVERIES_VIEWED, queue);
    List<DeliveryView> items =
        new java.util.ArrayList<>(
            entityManager
                .createNamedQuery(Delivery.PENDING_IN_QUEUE, Delivery.class)
                .setParameter("queue", queue)
                .setMaxResults(ITEMS_SHOWN)
                .getResultList()
                .stream()
                .map(DeliveryView::of)
                .toList());
    entityManager
        .createNamedQuery(Delivery.NEWEST_IN_QUEUE, Delivery.class)
        .setParameter("queue", queue)
        .setMaxResults(ITEMS_SHOWN)
        .getResultList()
        .stream()
        .filter(Delivery::isDelivered)
        .map(DeliveryView::of)
        .forEach(items::add);
    return items;
  }

  public DeliveryView item(String token, long id) {
    access.require(
        token, Permission.MANAGE_DELIVERIES, AuditAction.DELIVERIES_VIEWED, Long.toString(id));
    Delivery delivery = entityManager.find(Delivery.class, id);
    if (delivery == null) {
      throw Refusal.invalid("delivery", "delivery.unknown", "there is no delivery " + id);
    }
    return DeliveryView.of(delivery);
  }

  /** Ends the queue's backoff (or batch pause) and starts a run after commit. */
  public void retry(String token, String queue) {
    Operator operator =
        access.require(token, Permission.MANAGE_DELIVERIES, AuditAction.DELIVERY_RETRIED, queue);
    DeliveryQueue row = entityManager.find(DeliveryQueue.class, queue);
    if (row == null) {
      throw Refusal.invalid("queue", "delivery.queue", "there is no queue " + queue);
    }
    row.retryNow(clock.instant());
    auditLog.success(
        ConsoleAccess.actor(operator), AuditAction.DELIVERY_RETRIED, "queue:" + queue, null);
    queued.fire(new DeliveriesQueued(java.util.Set.of(queue)));
  }

  private String lastError(String queue) {
    return entityManager
        .createQuery(
            "SELECT d.lastError FROM Delivery d WHERE d.queue = :queue"
                + " AND d.deliveredAt IS NULL AND d.lastError IS NOT NULL ORDER BY d.id",
            String.class)
        .setParameter("queue", queue)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** One queue at a glance. */
  public record QueueSummary(
      String name,
      String label,
      long pending,
      Instant oldestPending,
      int failures,
      Instant nextAttemptAt,
      String lastError)
      implements Serializable {}

  /** One delivery, as an operator inspects it. */
  public record DeliveryView(
      long id,
      String queue,
      String messageId,
      String kind,
      String changeType,
      String reference,
      Instant createdAt,
      int attempts,
      Instant lastAttemptAt,
      String lastError,
      Instant deliveredAt)
      implements Serializable {

    static DeliveryView of(Delivery d) {
      return new DeliveryView(
          d.getId(),
          d.getQueue(),
          d.getMessageId(),
          d.getKind().name(),
          d.getChangeType().name(),
          d.getReference(),
          d.getCreatedAt(),
          d.getAttempts(),
          d.getLastAttemptAt(),
          d.getLastError(),
          d.getDeliveredAt());
    }
  }
}
