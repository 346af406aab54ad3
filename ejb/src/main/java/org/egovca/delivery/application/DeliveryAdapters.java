package org.egovca.delivery.application;

import org.egovca.delivery.domain.EgovSystem;

/**
 * The targets the delivery queues deliver to, as the adapters of {@code delivery.infrastructure}
 * provide them: the directory, and each e-gov system's sync interface.
 */
public interface DeliveryAdapters {

  /** The directory (LDAP master) queue's target. */
  DeliveryTarget directory();

  /** The target of {@code system}'s queue: its sync interface, signed by the CA. */
  DeliveryTarget egovSystem(EgovSystem system);
}
