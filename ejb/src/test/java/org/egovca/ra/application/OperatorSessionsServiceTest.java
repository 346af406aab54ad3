package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.newOperator;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.egovca.ra.application.RaServiceFixtures.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.egovca.audit.application.AuditActions;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.OperatorSession;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class OperatorSessionsServiceTest {

  @Inject OperatorSessions sessions;
  @Inject OperatorAdministration administration;

  private static RaRefusal refusedLogin(
      OperatorSessions sessions, byte[] certificate, String username, String password) {
    RaRefusal refused =
        assertThrows(
            RaRefusal.class,
            () -> sessions.login(certificate, username, password.toCharArray(), "192.0.2.7"));
    assertEquals(RaRefusal.Reason.LOGIN_FAILED, refused.reason());
    return refused;
  }

  @Test
  void aLoginWithoutAClientCertificateIsRefused() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    RaRefusal refused =
        refusedLogin(sessions, new byte[0], clerk.username, RaServiceFixtures.PASSWORD);
    assertEquals("login.noCertificate", refused.problems().get(0).key());
  }

  @Test
  void anUnknownUserNameIsRefusedAsAnyMismatch() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    RaRefusal refused =
        refusedLogin(
            sessions, clerk.certificate, "nobody-by-this-name", RaServiceFixtures.PASSWORD);
    assertEquals("login.failed", refused.problems().get(0).key());
  }

  @Test
  void anotherOperatorsCertificateIsRefusedWithoutCountingTowardsTheLockout() {
    Staff clerk = newOperator(OperatorRole.ENTRY_CLERK, null);
    Staff reviewer = shared(OperatorRole.REVIEWER);
    RaRefusal refused = refusedLogin(sessions, reviewer.certificate, clerk.username, "Wrong1pass");
    assertEquals("login.failed", refused.problems().get(0).key());
    assertEquals(0, stored(clerk.username).getFailedLogins());
  }

  @Test
  void aWrongPasswordIsCountedThoughTheLoginIsRefused() {
    Staff clerk = newOperator(OperatorRole.ENTRY_CLERK, null);
    refusedLogin(sessions, clerk.certificate, clerk.username, "Wrong1pass");
    assertEquals(1, stored(clerk.username).getFailedLogins());
    assertTrue(
        RaServiceFixtures.auditEvents(AuditActions.OPERATOR_LOGIN, "operator:" + clerk.username)
            .stream()
            .anyMatch(event -> event.getDetail().startsWith("wrong password from 192.0.2.7")));
  }

  @Test
  void theFifthWrongPasswordLocksTheAccountUntilTheLockoutEnds() {
    Staff clerk = newOperator(OperatorRole.ENTRY_CLERK, null);
    for (int i = 0; i < Operator.MAX_FAILED_LOGINS; i++) {
      refusedLogin(sessions, clerk.certificate, clerk.username, "Wrong1pass");
    }
    assertEquals(
        1,
        RaServiceFixtures.auditEvents(AuditActions.OPERATOR_LOCKED, "operator:" + clerk.username)
            .size());
    RaRefusal locked =
        refusedLogin(sessions, clerk.certificate, clerk.username, RaServiceFixtures.PASSWORD);
    assertEquals("login.locked", locked.problems().get(0).key());

    ServiceTier.clock().advance(Operator.LOCKOUT.plusSeconds(1));
    assertNotNull(
        sessions.login(clerk.certificate, clerk.username, clerk.password(), null).sessionToken());
  }

  @Test
  void aDeactivatedAccountCannotLogIn() {
    Staff clerk = newOperator(OperatorRole.ENTRY_CLERK, null);
    administration.deactivate(RaServiceFixtures.admin().token(), clerk.username);
    RaRefusal refused =
        refusedLogin(sessions, clerk.certificate, clerk.username, RaServiceFixtures.PASSWORD);
    assertEquals("login.failed", refused.problems().get(0).key());
  }

  @Test
  void aSessionIdleForLongerThanTheTimeoutHasEnded() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    String token = clerk.freshToken();
    ServiceTier.clock().advance(OperatorSession.IDLE_TIMEOUT.plusSeconds(1));
    RaRefusal refused = assertThrows(RaRefusal.class, () -> sessions.logout(token));
    assertEquals(RaRefusal.Reason.SESSION_ENDED, refused.reason());
    assertEquals("session.ended", refused.problems().get(0).key());
  }

  @Test
  void aSessionEndsAfterItsLongestLifetimeHoweverBusy() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    String token = clerk.freshToken();
    Duration step = OperatorSession.IDLE_TIMEOUT.minusMinutes(1);
    long steps = OperatorSession.MAX_LIFETIME.dividedBy(step);
    for (long i = 0; i < steps; i++) {
      ServiceTier.clock().advance(step);
      assertNotNull(sessions.resume(token, clerk.certificate));
    }
    ServiceTier.clock().advance(step);
    RaRefusal refused =
        assertThrows(RaRefusal.class, () -> sessions.resume(token, clerk.certificate));
    assertEquals(RaRefusal.Reason.SESSION_ENDED, refused.reason());
  }

  @Test
  void aSessionResumedWithAnotherCertificateEnds() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    String token = clerk.freshToken();
    assertNull(sessions.resume(token, shared(OperatorRole.REVIEWER).certificate));
    RaRefusal refused =
        assertThrows(RaRefusal.class, () -> sessions.resume(token, clerk.certificate));
    assertEquals(RaRefusal.Reason.SESSION_ENDED, refused.reason());
  }

  @Test
  void aLoggedOutSessionIsOver() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    String token = clerk.freshToken();
    sessions.logout(token);
    RaRefusal refused = assertThrows(RaRefusal.class, () -> sessions.logout(token));
    assertEquals(RaRefusal.Reason.SESSION_ENDED, refused.reason());
  }

  @Test
  void aWrongCurrentPasswordIsRefusedNamingItAndChangesNothing() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    String before = stored(clerk.username).getPasswordHash();
    RaRefusal refused =
        assertThrows(
            RaRefusal.class,
            () ->
                sessions.changePassword(
                    clerk.token(), "Wrong1pass".toCharArray(), "An0ther!pass".toCharArray()));
    assertEquals(RaRefusal.Reason.INVALID_INPUT, refused.reason());
    assertEquals("currentPassword", refused.problems().get(0).field());
    assertEquals("password.currentWrong", refused.problems().get(0).key());
    assertEquals(before, stored(clerk.username).getPasswordHash());
  }

  @Test
  void aNewPasswordIsRefusedNamingEveryRuleItBreaks() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    RaRefusal refused =
        assertThrows(
            RaRefusal.class,
            () -> sessions.changePassword(clerk.token(), clerk.password(), "short".toCharArray()));
    assertEquals(RaRefusal.Reason.INVALID_INPUT, refused.reason());
    List<String> keys = refused.problems().stream().map(RaRefusal.Problem::key).toList();
    assertTrue(keys.contains("password.MIN_LENGTH"), keys.toString());
    assertTrue(keys.contains("password.LETTER_AND_DIGIT"), keys.toString());
    assertTrue(refused.problems().stream().allMatch(p -> "newPassword".equals(p.field())));
  }

  @Test
  void theSamePasswordAgainIsRefused() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    RaRefusal refused =
        assertThrows(
            RaRefusal.class,
            () -> sessions.changePassword(clerk.token(), clerk.password(), clerk.password()));
    assertEquals("newPassword", refused.problems().get(0).field());
    assertEquals("password.unchanged", refused.problems().get(0).key());
  }
}
