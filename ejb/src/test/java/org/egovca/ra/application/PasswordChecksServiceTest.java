package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.auditEvents;
import static org.egovca.ra.application.RaServiceFixtures.newOperator;
import static org.egovca.ra.application.RaServiceFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class PasswordChecksServiceTest {

  @Inject PasswordChecks passwords;

  @Test
  void aWrongPasswordIsCountedAndAudited() {
    Staff auditor = newOperator(OperatorRole.AUDITOR, null);
    long id = stored(auditor.username).getId();
    assertFalse(passwords.matches(id, "Wrong1pass".toCharArray(), "test"));
    assertEquals(1, stored(auditor.username).getFailedLogins());
    assertTrue(
        auditEvents(AuditAction.OPERATOR_LOGIN, "operator:" + auditor.username).stream()
            .anyMatch(event -> event.getDetail().equals("wrong password (test)")));
  }

  @Test
  void theFifthWrongPasswordLocksTheAccountAndThenNoPasswordMatches() {
    Staff auditor = newOperator(OperatorRole.AUDITOR, null);
    long id = stored(auditor.username).getId();
    for (int i = 0; i < Operator.MAX_FAILED_LOGINS; i++) {
      assertFalse(passwords.matches(id, "Wrong1pass".toCharArray(), "test"));
    }
    assertEquals(
        1, auditEvents(AuditAction.OPERATOR_LOCKED, "operator:" + auditor.username).size());
    assertFalse(passwords.matches(id, auditor.password(), "test"));
    assertTrue(stored(auditor.username).isLockedAt(ServiceTier.clock().instant()));

    ServiceTier.clock().advance(Operator.LOCKOUT);
    assertTrue(passwords.matches(id, auditor.password(), "test"));
  }

  @Test
  void theRightPasswordClearsTheCountOfWrongOnes() {
    Staff auditor = newOperator(OperatorRole.AUDITOR, null);
    long id = stored(auditor.username).getId();
    assertFalse(passwords.matches(id, "Wrong1pass".toCharArray(), "test"));
    assertTrue(passwords.matches(id, auditor.password(), "test"));
    assertEquals(0, stored(auditor.username).getFailedLogins());
  }
}
