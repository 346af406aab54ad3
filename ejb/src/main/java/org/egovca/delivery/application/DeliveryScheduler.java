package org.egovca.delivery.application;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.delivery.domain.Delivery;

/**
 * Starts delivery runs: right after a change commits (for its queues), every two seconds for queues
 * whose backoff or batch pause is over, and so after a restart for whatever was left. Requests for
 * a queue that is being drained are folded into one more run of the same worker. With {@code
 * egovca.delivery.workers} above 1, that many workers compete for each queue on this server,
 * exactly as workers of several servers sharing the database do; the queue lock of {@link
 * DeliveryWorker} lets one of them deliver.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryScheduler {

  private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class.getName());

  @Resource private ManagedExecutorService executor;

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @EJB private DeliveryWorker worker;
  @EJB private ExpirySweep expirySweep;
  @Inject private CaConfiguration configuration;

  @Inject private Clock clock;

  /** Per queue and worker slot: requests not yet served by a run. */
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued event) {
    event.queues().forEach(this::request);
  }

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void tick() {
    entityManager
        .createNamedQuery(Delivery.QUEUES_WITH_PENDING, String.class)
        .setParameter("now", clock.instant())
        .getResultList()
        .forEach(this::request);
  }

  @Schedule(minute = "17", hour = "*", persistent = false)
  void sweepExpired() {
    while (expirySweep.sweep() == ExpirySweep.SWEEP_SIZE) {
      // more expired certificates than one sweep takes
    }
  }

  /** Asks for a run over {@code queue} now (an operator's retry, a new delivery). */
  public void request(String queue) {
    for (int slot = 0; slot < configuration.deliveryWorkers(); slot++) {
      String key = queue + '#' + slot;
      AtomicInteger pending = requests.computeIfAbsent(key, k -> new AtomicInteger());
      if (pending.getAndIncrement() == 0) {
        executor.execute(() -> serve(queue, pending));
      }
    }
  }

  private void serve(String queue, AtomicInteger pending) {
    int served;
    do {
      served = pending.get();
      try {
        DeliveryWorker.Run run;
        do {
          run = worker.drain(queue);
        } while (run.claimed() && run.more());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A delivery run over " + queue + " failed", e);
      }
    } while (pending.addAndGet(-served) > 0);
  }
}
