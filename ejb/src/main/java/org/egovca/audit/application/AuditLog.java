package org.egovca.audit.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.audit.domain.AuditOutcome;

/**
 * Writes the audit log (CPS §6.5.1.4). A successful action is recorded inside the caller's
 * transaction, so the record and the change commit together or not at all; a refused or failed
 * action is recorded in a transaction of its own, because the caller's is rolled back.
 */
@Stateless
public class AuditLog {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private Clock clock;

  /** Records a successful action as part of the current transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void success(String actor, AuditAction action, String target, String detail) {
    entityManager.persist(
        new AuditEvent(clock.instant(), actor, action, target, AuditOutcome.SUCCESS, detail));
  }

  /** Records a refused or failed action, committed even though the action rolled back. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void refusal(
      String actor, AuditAction action, String target, AuditOutcome outcome, String detail) {
    entityManager.persist(new AuditEvent(clock.instant(), actor, action, target, outcome, detail));
  }
}
