package org.egovca.delivery.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.egovca.ca.domain.IssuedCertificate;

/**
 * Queues the withdrawal from the directory of published certificates that have expired (the
 * directory holds what relying parties may use; an expired certificate's status is no longer on a
 * CRL either). Revoked certificates left at their revocation.
 */
@Stateless
public class ExpirySweep {

  static final int SWEEP_SIZE = 1000;

  private static final String EXPIRED_UNWITHDRAWN =
      "SELECT c FROM IssuedCertificate c WHERE c.directoryConsent = TRUE"
          + " AND c.status = org.egovca.ca.domain.CertificateStatus.GOOD AND c.notAfter < :now"
          + " AND NOT EXISTS (SELECT d FROM Delivery d WHERE d.certificateId = c.id"
          + " AND d.changeType = org.egovca.delivery.domain.ChangeType.EXPIRE)"
          + " ORDER BY c.notAfter, c.id";

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private DeliveryQueues queues;

  @Inject private Clock clock;

  /** Queues up to {@link #SWEEP_SIZE} withdrawals; returns how many. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int sweep() {
    List<IssuedCertificate> expired =
        entityManager
            .createQuery(EXPIRED_UNWITHDRAWN, IssuedCertificate.class)
            .setParameter("now", clock.instant())
            .setMaxResults(SWEEP_SIZE)
            .getResultList();
    expired.forEach(queues::expired);
    return expired.size();
  }
}
