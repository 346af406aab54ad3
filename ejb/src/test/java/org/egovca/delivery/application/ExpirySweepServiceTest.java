package org.egovca.delivery.application;

import static org.egovca.delivery.application.DeliveryServiceFixtures.issue;
import static org.egovca.delivery.application.DeliveryServiceFixtures.itemsOf;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.delivery.domain.ChangeType;
import org.egovca.delivery.domain.Delivery;
import org.egovca.delivery.domain.DeliveryQueue;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class ExpirySweepServiceTest {

  @Inject ExpirySweep sweep;
  @Inject DeliveryScheduler scheduler;

  /** The queues of the certificate's withdrawals for expiry. */
  private static List<String> withdrawals(IssuedCertificate certificate) {
    return itemsOf(certificate).stream()
        .filter(item -> item.getChangeType() == ChangeType.EXPIRE)
        .map(Delivery::getQueue)
        .toList();
  }

  @Test
  void anExpiredCertificateIsWithdrawnFromTheDirectoryOnceAndOnlyWhenItWasListed() {
    IssuedCertificate listed = issue(unit(), true);
    IssuedCertificate unlisted = issue(unit(), false);
    scheduler.sweepExpired();
    assertEquals(List.of(), withdrawals(listed));

    ServiceTier.clock()
        .advance(Duration.between(ServiceTier.clock().instant(), listed.getNotAfter()).plusDays(1));
    scheduler.sweepExpired();
    sweep.sweep();

    assertEquals(List.of(DeliveryQueue.DIRECTORY), withdrawals(listed));
    assertEquals(List.of(), itemsOf(unlisted));
  }
}
