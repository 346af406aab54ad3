package org.egovca.delivery.application;

import java.util.Set;

/**
 * Fired by {@link DeliveryQueues} in the writing transaction; after commit, the named queues are
 * drained.
 */
public record DeliveriesQueued(Set<String> queues) {

  public DeliveriesQueued {
    queues = Set.copyOf(queues);
  }
}
