package org.egovca.delivery.application;

import java.util.Set;

/** Fired by the outbox in the writing transaction; after commit, the named channels are drained. */
public record DeliveriesQueued(Set<String> channels) {

  public DeliveriesQueued {
    channels = Set.copyOf(channels);
  }
}
