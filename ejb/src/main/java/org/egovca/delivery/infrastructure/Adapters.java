package org.egovca.delivery.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.egovca.delivery.application.DeliveryAdapters;
import org.egovca.delivery.application.DeliveryTarget;
import org.egovca.delivery.domain.EgovSystem;

/** The delivery queues' targets: the directory through its publisher, e-gov systems over SOAP. */
@ApplicationScoped
public class Adapters implements DeliveryAdapters {

  @Inject private DirectoryTarget directory;
  @Inject private EgovSystemTarget egovSystems;

  @Override
  public DeliveryTarget directory() {
    return directory;
  }

  @Override
  public DeliveryTarget egovSystem(EgovSystem system) {
    return egovSystems.of(system);
  }
}
