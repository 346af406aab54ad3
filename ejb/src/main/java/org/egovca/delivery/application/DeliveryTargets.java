package org.egovca.delivery.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Optional;
import org.egovca.ca.application.BackgroundSigning;
import org.egovca.delivery.domain.DeliveryQueue;
import org.egovca.delivery.domain.EgovSystem;

/** Which target a queue delivers to, and how long it pauses between runs. */
@ApplicationScoped
class DeliveryTargets {

  private static final String SYNC_WORK = "sync delivery to e-gov systems";

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private DeliveryAdapters adapters;
  @Inject private BackgroundSigning signing;

  /**
   * The target of {@code queue}; empty while it must not be delivered: a deactivated e-gov system
   * keeps its deliveries until it is active again, and every e-gov system's wait while the CA token
   * waits for its key custodians, since each sync message is signed (no attempt is spent on them;
   * the directory, which gets what was signed already, is served all the same).
   */
  Optional<Resolved> resolve(String queue) {
    Long systemId = DeliveryQueue.egovSystemId(queue);
    if (systemId == null) {
      return Optional.of(new Resolved(adapters.directory(), Duration.ZERO));
    }
    EgovSystem system = entityManager.find(EgovSystem.class, systemId);
    if (system == null || !system.isActive() || !signing.mayRun(SYNC_WORK)) {
      return Optional.empty();
    }
    return Optional.of(new Resolved(adapters.egovSystem(system), system.batchPause()));
  }

  /**
   * @param batchPause the wait after a run that delivered everything: the batch interval of a
   *     scheduled subscription, zero in real time
   */
  record Resolved(DeliveryTarget target, Duration batchPause) {}
}
