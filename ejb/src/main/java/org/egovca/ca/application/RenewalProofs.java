package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.RENEWAL_REFUSED;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.UsedRenewalProof;
import org.egovca.ca.x509.RenewalProof;

/**
 * Accepts a renewal proof once, while it is fresh: its time lies within {@link
 * RenewalProof#FRESHNESS} of now and its statement was never accepted before. Accepted statements
 * are remembered for twice the freshness window, long enough for any copy to have gone stale. Part
 * of the caller's transaction: a renewal that fails does not use the proof up.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RenewalProofs {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private Clock clock;

  /**
   * @throws Refusal RENEWAL_REFUSED for a stale or replayed proof
   */
  public void accept(RenewalProof proof) {
    Instant now = clock.instant();
    proof.requireFreshAt(now);
    entityManager
        .createQuery("DELETE FROM UsedRenewalProof u WHERE u.usedAt < :before")
        .setParameter("before", now.minus(RenewalProof.FRESHNESS.multipliedBy(2)))
        .executeUpdate();
    UsedRenewalProof used =
        entityManager.find(UsedRenewalProof.class, proof.digest(), LockModeType.PESSIMISTIC_WRITE);
    if (used != null) {
      throw new Refusal(
          RENEWAL_REFUSED,
          "this renewal proof was used already (at "
              + used.getUsedAt()
              + "): a proof serves one request; sign a new one");
    }
    entityManager.persist(new UsedRenewalProof(proof.digest(), now));
    try {
      // a copy racing this one in another transaction fails on the primary key here, not later
      entityManager.flush();
    } catch (PersistenceException raced) {
      throw new Refusal(
          RENEWAL_REFUSED, "this renewal proof is being used by another request at this moment");
    }
  }
}
