package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.PasswordHash;

/**
 * Checks an operator's password outside the caller's transaction, so that a wrong one is counted
 * towards the lockout (CPS §6.5.2.5) even though the refused call rolls back.
 */
@Stateless
public class PasswordChecks {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;

  @Inject private Clock clock;

  /**
   * Whether {@code password} is the operator's; a wrong one is counted, the fifth in a row locks
   * the account, and both are audited. A locked account matches no password.
   *
   * <p>The operator's row is locked while the password is checked, so parallel guesses are counted
   * one after the other: each sees the count the previous one left, and those that come after the
   * lock are refused without a check.
   *
   * @param channel where the password was given, for the audit log
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean matches(long operatorId, char[] password, String channel) {
    Operator operator =
        entityManager.find(Operator.class, operatorId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    String who = ConsoleAccess.actor(operator);
    if (operator.isLockedAt(now)) {
      auditLog.refusal(
          who,
          AuditAction.OPERATOR_LOGIN,
          who,
          AuditOutcome.FAILURE,
          "account locked until " + operator.getLockedUntil() + " (" + channel + ")");
      return false;
    }
    if (PasswordHash.matches(password, operator.getPasswordHash())) {
      operator.recordSuccessfulLogin();
      return true;
    }
    auditLog.refusal(
        who,
        AuditAction.OPERATOR_LOGIN,
        who,
        AuditOutcome.FAILURE,
        "wrong password (" + channel + ")");
    if (operator.recordFailedLogin(now)) {
      auditLog.success(
          "system",
          AuditAction.OPERATOR_LOCKED,
          who,
          Operator.MAX_FAILED_LOGINS
              + " failed logins in a row; locked until "
              + operator.getLockedUntil());
    }
    return false;
  }
}
