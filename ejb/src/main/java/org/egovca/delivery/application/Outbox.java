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
import org.egovca.delivery.domain.DeliveryChannel;
import org.egovca.delivery.domain.EgovSystem;

/**
 * Records the deliveries of each change in the transaction that makes the change, so that either
 * both commit or neither does (GUIDE: outbox). Which channels get an item:
 *
 * <ul>
 *   <li>the directory: certificates whose holder consented to publication (CPS §6.1.4.4.2), their
 *       revocation and expiry, CA and link certificates, and every CRL;
 *   <li>each active e-gov system subscribed to the business type: certificates of its own
 *       application unit only (R19), and every complete CRL (CRLs are public).
 * </ul>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Outbox {

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
    Set<String> channels = new LinkedHashSet<>();
    // A CRL of a retired key would take the place of the current key's CRL on the CA's entry.
    if (crl.getCaKeyIndex() == crl.getIssuer().getKeyIndex()) {
      channels.add(DeliveryChannel.DIRECTORY);
    }
    if (!crl.isDelta()) {
      for (EgovSystem system : activeSystems()) {
        if (system.subscribesTo(ChangeType.CRL)) {
          channels.add(system.channel());
        }
      }
    }
    for (String channel : channels) {
      entityManager.persist(Delivery.ofCrl(channel, caName, crl.getId(), reference, now));
    }
    announce(channels);
  }

  public void onRolledOver(@Observes CaKeyRolledOver event) {
    caCertificates(
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(event.newCaCertificate()),
                event.linkCertificates().stream())
            .toList());
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
              DeliveryChannel.DIRECTORY,
              ca.caName(),
              ca.encoded(),
              "CA certificate " + ca.serialNumber().toString(16) + " " + ca.subjectDn(),
              now));
    }
    if (!caCertificates.isEmpty()) {
      announce(Set.of(DeliveryChannel.DIRECTORY));
    }
  }

  /** Queues the withdrawal of an expired certificate from the directory. */
  public void expired(IssuedCertificate certificate) {
    Instant now = clock.instant();
    entityManager.persist(
        Delivery.ofCertificate(
            DeliveryChannel.DIRECTORY,
            ChangeType.EXPIRE,
            certificate.getIssuer().getName(),
            certificate.getId(),
            reference(certificate),
            now));
    announce(Set.of(DeliveryChannel.DIRECTORY));
  }

  private void certificateChanged(IssuedCertificate certificate, ChangeType type) {
    Objects.requireNonNull(certificate, "certificate");
    Instant now = clock.instant();
    Set<String> channels = new LinkedHashSet<>();
    if (certificate.isDirectoryConsent()) {
      channels.add(DeliveryChannel.DIRECTORY);
    }
    Long unit = certificate.getApplicationUnitId();
    if (unit != null) {
      for (EgovSystem system : activeSystems()) {
        if (system.getApplicationUnit().getId().equals(unit) && system.subscribesTo(type)) {
          channels.add(system.channel());
        }
      }
    }
    for (String channel : channels) {
      entityManager.persist(
          Delivery.ofCertificate(
              channel,
              type,
              certificate.getIssuer().getName(),
              certificate.getId(),
              reference(certificate),
              now));
    }
    announce(channels);
  }

  private List<EgovSystem> activeSystems() {
    return entityManager.createNamedQuery(EgovSystem.ACTIVE, EgovSystem.class).getResultList();
  }

  private void announce(Set<String> channels) {
    if (!channels.isEmpty()) {
      queued.fire(new DeliveriesQueued(channels));
    }
  }

  private static String reference(IssuedCertificate certificate) {
    return "serial " + certificate.getSerialNumberHex() + " " + certificate.getSubjectDn();
  }
}
