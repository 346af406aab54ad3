package org.egovca.delivery.application;

import static org.egovca.delivery.application.DeliveryServiceFixtures.issue;
import static org.egovca.delivery.application.DeliveryServiceFixtures.itemsOf;
import static org.egovca.delivery.application.DeliveryServiceFixtures.queueOf;
import static org.egovca.delivery.application.DeliveryServiceFixtures.register;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unique;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unit;
import static org.egovca.delivery.application.DeliveryServiceFixtures.unreachable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.delivery.domain.Delivery;
import org.egovca.delivery.domain.DeliveryQueue;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class DeliveryQueuesServiceTest {

  private static Set<String> queues(List<Delivery> items) {
    return items.stream().map(Delivery::getQueue).collect(Collectors.toSet());
  }

  @Test
  void anIssuanceQueuesItsItemsInItsOwnTransaction() {
    String unit = unit();
    String queue = queueOf(register(unique("sub"), unit, unreachable()));

    List<Delivery> queuedBeforeCommit =
        ServiceTier.inTransaction(
            em -> {
              IssuedCertificate certificate = DeliveryServiceFixtures.issueHere(unit, true);
              return em.createQuery(
                      "SELECT d FROM Delivery d WHERE d.certificateId = :id", Delivery.class)
                  .setParameter("id", certificate.getId())
                  .getResultList();
            });

    assertEquals(Set.of(DeliveryQueue.DIRECTORY, queue), queues(queuedBeforeCommit));
    assertEquals("ISSUE", queuedBeforeCommit.get(0).getChangeType().name());
  }

  @Test
  void nothingIsQueuedWhenTheIssuanceRollsBack() {
    String unit = unit();
    String queue = queueOf(register(unique("sub"), unit, unreachable()));

    assertThrows(
        IllegalStateException.class,
        () ->
            ServiceTier.inTransaction(
                em -> {
                  DeliveryServiceFixtures.issueHere(unit, true);
                  throw new IllegalStateException("the issuing transaction fails after the issue");
                }));

    assertEquals(List.of(), DeliveryServiceFixtures.items(queue));
  }

  @Test
  void noDeliveryRunIsStartedWhenTheIssuanceRollsBack() throws Exception {
    String unit = unit();
    register(unique("sub"), unit, unreachable());
    ServiceTier.tasks().runAll();

    assertThrows(
        IllegalStateException.class,
        () ->
            ServiceTier.inTransaction(
                em -> {
                  DeliveryServiceFixtures.issueHere(unit, true);
                  throw new IllegalStateException("the issuing transaction fails after the issue");
                }));

    assertEquals(List.of(), ServiceTier.tasks().waiting());
  }

  @Test
  void anotherUnitsSystemGetsNothing() {
    String unit = unit();
    String otherQueue = queueOf(register(unique("other"), unit(), unreachable()));
    IssuedCertificate certificate = issue(unit, false);
    assertEquals(List.of(), itemsOf(certificate));
    assertEquals(List.of(), DeliveryServiceFixtures.items(otherQueue));
  }

  @Test
  void aSystemGetsOnlyTheBusinessTypesItSubscribedTo() {
    String unit = unit();
    String crlOnly = queueOf(register(unique("crl"), unit, unreachable("CRL")));
    String issues = queueOf(register(unique("iss"), unit, unreachable("ISSUE")));
    IssuedCertificate certificate = issue(unit, false);
    assertEquals(Set.of(issues), queues(itemsOf(certificate)));
    assertEquals(List.of(), DeliveryServiceFixtures.items(crlOnly));
  }

  @Test
  void withoutTheHoldersConsentNothingGoesToTheDirectory() {
    IssuedCertificate withConsent = issue(unit(), true);
    IssuedCertificate without = issue(unit(), false);
    assertEquals(Set.of(DeliveryQueue.DIRECTORY), queues(itemsOf(withConsent)));
    assertEquals(List.of(), itemsOf(without));
  }

  @Test
  void aDeactivatedSystemGetsNothingNewAndKeepsWhatWasQueued() {
    String unit = unit();
    String name = unique("paused");
    String queue = queueOf(register(name, unit, unreachable()));
    IssuedCertificate before = issue(unit, false);
    ServiceTier.inTransaction(
        em ->
            DeliveryServiceFixtures.bean(EgovSystemRegistry.class).setActive(name, false, "test"));
    IssuedCertificate after = issue(unit, false);

    assertEquals(
        List.of(before.getId()),
        DeliveryServiceFixtures.items(queue).stream().map(Delivery::getCertificateId).toList());
    assertEquals(List.of(), itemsOf(after));
  }
}
