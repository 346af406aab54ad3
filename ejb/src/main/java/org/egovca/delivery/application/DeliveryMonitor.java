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
import org.egovca.delivery.domain.DeliveryChannel;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.ra.application.ConsoleAccess;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;

/**
 * The system maintainer's view of the outbox: per channel the queue length, the oldest pending item
 * and the failures; the items of a channel; and a retry that ends a channel's backoff at once.
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

  public List<ChannelSummary> channels(String token) {
    access.require(token, Permission.MANAGE_DELIVERIES, AuditAction.DELIVERIES_VIEWED, null);
    Map<String, String> labels = new HashMap<>();
    for (EgovSystem system :
        entityManager.createNamedQuery(EgovSystem.ALL, EgovSystem.class).getResultList()) {
      labels.put(system.channel(), system.getName() + (system.isActive() ? "" : " (inactive)"));
    }
    List<Object[]> pending =
        entityManager
            .createQuery(
                "SELECT d.channel, COUNT(d), MIN(d.createdAt), MAX(d.attempts) FROM Delivery d"
                    + " WHERE d.deliveredAt IS NULL GROUP BY d.channel",
                Object[].class)
            .getResultList();
    Map<String, Object[]> byChannel = new HashMap<>();
    pending.forEach(row -> byChannel.put((String) row[0], row));
    return entityManager
        .createQuery("SELECT c FROM DeliveryChannel c ORDER BY c.name", DeliveryChannel.class)
        .getResultList()
        .stream()
        .map(
            channel -> {
              Object[] row = byChannel.get(channel.getName());
              return new ChannelSummary(
                  channel.getName(),
                  labels.getOrDefault(channel.getName(), "LDAP directory"),
                  row == null ? 0 : ((Number) row[1]).longValue(),
                  row == null ? null : (Instant) row[2],
                  channel.getFailures(),
                  channel.getNextAttemptAt(),
                  lastError(channel.getName()));
            })
        .toList();
  }

  /** The channel's pending items, oldest first, then its latest delivered ones. */
  public List<DeliveryView> items(String token, String channel) {
    access.require(token, Permission.MANAGE_DELIVERIES, AuditAction.DELIVERIES_VIEWED, channel);
    List<DeliveryView> items =
        new java.util.ArrayList<>(
            entityManager
                .createNamedQuery(Delivery.PENDING_IN_CHANNEL, Delivery.class)
                .setParameter("channel", channel)
                .setMaxResults(ITEMS_SHOWN)
                .getResultList()
                .stream()
                .map(DeliveryView::of)
                .toList());
    entityManager
        .createNamedQuery(Delivery.NEWEST_IN_CHANNEL, Delivery.class)
        .setParameter("channel", channel)
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

  /** Ends the channel's backoff (or batch pause) and starts a run after commit. */
  public void retry(String token, String channel) {
    Operator operator =
        access.require(token, Permission.MANAGE_DELIVERIES, AuditAction.DELIVERY_RETRIED, channel);
    DeliveryChannel row = entityManager.find(DeliveryChannel.class, channel);
    if (row == null) {
      throw Refusal.invalid("channel", "delivery.channel", "there is no channel " + channel);
    }
    row.retryNow(clock.instant());
    auditLog.success(
        ConsoleAccess.actor(operator), AuditAction.DELIVERY_RETRIED, "channel:" + channel, null);
    queued.fire(new DeliveriesQueued(java.util.Set.of(channel)));
  }

  private String lastError(String channel) {
    return entityManager
        .createQuery(
            "SELECT d.lastError FROM Delivery d WHERE d.channel = :channel"
                + " AND d.deliveredAt IS NULL AND d.lastError IS NOT NULL ORDER BY d.id",
            String.class)
        .setParameter("channel", channel)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** One channel at a glance. */
  public record ChannelSummary(
      String name,
      String label,
      long pending,
      Instant oldestPending,
      int failures,
      Instant nextAttemptAt,
      String lastError)
      implements Serializable {}

  /** One outbox item, as an operator inspects it. */
  public record DeliveryView(
      long id,
      String channel,
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
          d.getChannel(),
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
