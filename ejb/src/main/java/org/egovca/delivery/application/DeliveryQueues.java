package org.egovca.delivery.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.egovca.ca.application.CaCertificateRevoked;
import org.egovca.ca.application.CaKeyRolledOver;
import org.egovca.ca.application.CaStarted;
import org.egovca.ca.application.CertificateIssued;
import org.egovca.ca.application.CertificateRevoked;
import org.egovca.ca.application.CrlPublished;
import org.egovca.ca.application.port.PublishedCertificate;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.IssuedCrl;
import org.egovca.delivery.domain.ChangeType;
import org.egovca.delivery.domain.Delivery;
import org.egovca.delivery.domain.DeliveryQueue;
import org.egovca.delivery.domain.EgovSystem;

/**
 * Records the deliveries of each change in the transaction that makes the change, so that either
 * both commit or neither does (the transactional outbox pattern). Which queues get a delivery:
 *
 * <ul>
 *   <li>the directory: certificates whose holder consented to publication (CPS §6.1.4.4.2), their
 *       revocation and expiry, CA and link certificates (and their withdrawal once the root revoked
 *       their CA), and every CRL;
 *   <li>each active e-gov system subscribed to the business type: certificates of its own
 *       application unit only (R19), and every complete CRL (CRLs are public).
 * </ul>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DeliveryQueues {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private Event<DeliveriesQueued> queued;

  @Inject private Clock clock;

  public void onIssued(@Observes CertificateIssued event) {
    IssuedCertificate certificate = event.certificate();
    certificateChanged(certificate, ChangeType.of(certificate.getIssuanceKind()));
  }

  public void onRevoked(@Observes CertificateRevoked event) {
    certificateChanged(
        entityManager.find(IssuedCertificate.class, event.certificateId()), ChangeType.REVOKE);
  }

  public void onCrl(@Observes CrlPublished event) {
    IssuedCrl crl = event.crl();
    Instant now = clock.instant();
    String caName = crl.getIssuer().getName();
    String reference =
        (crl.isDelta() ? "delta CRL " : "CRL ") + crl.getCrlNumber() + " of " + caName;
    Set<String> queues = new LinkedHashSet<>();
    // A CRL of a retired key would take the place of the current key's CRL on the CA's entry.
    if (crl.getCaKeyIndex() == crl.getIssuer().getKeyIndex()) {
      queues.add(DeliveryQueue.DIRECTORY);
    }
    if (!crl.isDelta()) {
      for (EgovSystem system : activeSystems()) {
        if (system.subscribesTo(ChangeType.CRL)) {
          queues.add(system.queue());
        }
      }
    }
    for (String queue : queues) {
      entityManager.persist(Delivery.ofCrl(queue, caName, crl.getId(), reference, now));
    }
    announce(queues);
  }

  public void onRolledOver(@Observes CaKeyRolledOver event) {
    caCertificates(
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(event.newCaCertificate()),
                event.linkCertificates().stream())
            .toList());
  }

  /** Queues the withdrawal from the directory of the certificates of a CA the root revoked. */
  public void onCaRevoked(@Observes CaCertificateRevoked event) {
    Instant now = clock.instant();
    for (PublishedCertificate certificate : event.caCertificates()) {
      entityManager.persist(
          Delivery.ofRevokedCaCertificate(
              DeliveryQueue.DIRECTORY,
              certificate.caName(),
              certificate.encoded(),
              "revoked CA certificate "
                  + certificate.serialNumber().toString(16)
                  + " "
                  + certificate.subjectDn(),
              now));
    }
    if (!event.caCertificates().isEmpty()) {
      announce(Set.of(DeliveryQueue.DIRECTORY));
    }
  }

  /**
   * Queues every CA certificate for the directory again at every start (in a transaction of its
   * own), so a directory that lost them gets them back.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void onCaStarted(@Observes CaStarted event) {
    caCertificates(event.caCertificates());
  }

  /** Queues CA certificates for the directory, in the caller's transaction. */
  private void caCertificates(List<PublishedCertificate> caCertificates) {
    Instant now = clock.instant();
    for (PublishedCertificate ca : caCertificates) {
      entityManager.persist(
          Delivery.ofCaCertificate(
              DeliveryQueue.DIRECTORY,
              ca.caName(),
              ca.encoded(),
              "CA certificate " + ca.serialNumber().toString(16) + " " + ca.subjectDn(),
              now));
    }
    if (!caCertificates.isEmpty()) {
      announce(Set.of(DeliveryQueue.DIRECTORY));
    }
  }

  /** Queues the withdrawal of an expired certificate from the directory. */
  public void expired(IssuedCertificate certificate) {
    Instant now = clock.instant();
    entityManager.persist(
        Delivery.ofCertificate(
            DeliveryQueue.DIRECTORY,
            ChangeType.EXPIRE,
            certificate.getIssuer().getName(),
            certificate.getId(),
            reference(certificate),
            now));
    announce(Set.of(DeliveryQueue.DIRECTORY));
  }

  private void certificateChanged(IssuedCertificate certificate, ChangeType type) {
    Objects.requireNonNull(certificate, "certificate");
    Instant now = clock.instant();
    Set<String> queues = new LinkedHashSet<>();
    if (certificate.isDirectoryConsent()) {
      queues.add(DeliveryQueue.DIRECTORY);
    }
    Long unit = certificate.getApplicationUnitId();
    if (unit != null) {
      for (EgovSystem system : activeSystems()) {
        if (system.getApplicationUnit().getId().equals(unit) && system.subscribesTo(type)) {
          queues.add(system.queue());
        }
      }
    }
    for (String queue : queues) {
      entityManager.persist(
          Delivery.ofCertificate(
              queue,
              type,
              certificate.getIssuer().getName(),
              certificate.getId(),
              reference(certificate),
              now));
    }
    announce(queues);
  }

  private List<EgovSystem> activeSystems() {
    return entityManager.createNamedQuery(EgovSystem.ACTIVE, EgovSystem.class).getResultList();
  }

  private void announce(Set<String> queues) {
    if (!queues.isEmpty()) {
      queued.fire(new DeliveriesQueued(queues));
    }
  }

  private static String reference(IssuedCertificate certificate) {
    return "serial " + certificate.getSerialNumberHex() + " " + certificate.getSubjectDn();
  }
}
