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
import java.time.Instant;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
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
  @Inject RaQueries queries;

  /** The login was refused for the certificate, and audited so. */
  private static void refusedForTheCertificate(Staff operator) {
    assertTrue(
        RaServiceFixtures.auditEvents(AuditAction.OPERATOR_LOGIN, "operator:" + operator.username)
            .get(0)
            .getDetail()
            .startsWith("the client certificate is not the one bound to this account"));
  }

  private static Refusal refusedLogin(
      OperatorSessions sessions, byte[] certificate, String username, String password) {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> sessions.login(certificate, username, password.toCharArray(), "192.0.2.7"));
    assertEquals(RefusalCode.LOGIN_FAILED, refused.code());
    return refused;
  }

  @Test
  void aLoginWithoutAClientCertificateIsRefused() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    Refusal refused =
        refusedLogin(sessions, new byte[0], clerk.username, RaServiceFixtures.PASSWORD);
    assertEquals("login.noCertificate", refused.problems().get(0).key());
  }

  @Test
  void anUnknownUserNameIsRefusedAsAnyMismatch() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    Refusal refused =
        refusedLogin(
            sessions, clerk.certificate, "nobody-by-this-name", RaServiceFixtures.PASSWORD);
    assertEquals("login.failed", refused.problems().get(0).key());
  }

  @Test
  void anotherOperatorsCertificateIsRefusedWithoutCountingTowardsTheLockout() {
    Staff clerk = newOperator(OperatorRole.ENTRY_CLERK, null);
    Staff reviewer = shared(OperatorRole.REVIEWER);
    Refusal refused = refusedLogin(sessions, reviewer.certificate, clerk.username, "Wrong1pass");
    assertEquals("login.failed", refused.problems().get(0).key());
    assertEquals(0, stored(clerk.username).getFailedLogins());
  }

  @Test
  void aWrongPasswordIsCountedThoughTheLoginIsRefused() {
    Staff clerk = newOperator(OperatorRole.ENTRY_CLERK, null);
    refusedLogin(sessions, clerk.certificate, clerk.username, "Wrong1pass");
    assertEquals(1, stored(clerk.username).getFailedLogins());
    assertTrue(
        RaServiceFixtures.auditEvents(AuditAction.OPERATOR_LOGIN, "operator:" + clerk.username)
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
        RaServiceFixtures.auditEvents(AuditAction.OPERATOR_LOCKED, "operator:" + clerk.username)
            .size());
    Refusal locked =
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
    Refusal refused =
        refusedLogin(sessions, clerk.certificate, clerk.username, RaServiceFixtures.PASSWORD);
    assertEquals("login.failed", refused.problems().get(0).key());
  }

  @Test
  void aSessionIdleForLongerThanTheTimeoutHasEnded() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    String token = clerk.freshToken();
    ServiceTier.clock().advance(OperatorSession.IDLE_TIMEOUT.plusSeconds(1));
    Refusal refused = assertThrows(Refusal.class, () -> sessions.logout(token));
    assertEquals(RefusalCode.SESSION_ENDED, refused.code());
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
    Refusal refused = assertThrows(Refusal.class, () -> sessions.resume(token, clerk.certificate));
    assertEquals(RefusalCode.SESSION_ENDED, refused.code());
  }

  @Test
  void aSessionResumedWithAnotherCertificateEnds() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    String token = clerk.freshToken();
    assertNull(sessions.resume(token, shared(OperatorRole.REVIEWER).certificate));
    Refusal refused = assertThrows(Refusal.class, () -> sessions.resume(token, clerk.certificate));
    assertEquals(RefusalCode.SESSION_ENDED, refused.code());
  }

  @Test
  void aLoggedOutSessionIsOver() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    String token = clerk.freshToken();
    sessions.logout(token);
    Refusal refused = assertThrows(Refusal.class, () -> sessions.logout(token));
    assertEquals(RefusalCode.SESSION_ENDED, refused.code());
  }

  @Test
  void aWrongCurrentPasswordIsRefusedNamingItAndChangesNothing() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    String before = stored(clerk.username).getPasswordHash();
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                sessions.changePassword(
                    clerk.token(), "Wrong1pass".toCharArray(), "An0ther!pass".toCharArray()));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("currentPassword", refused.problems().get(0).field());
    assertEquals("password.currentWrong", refused.problems().get(0).key());
    assertEquals(before, stored(clerk.username).getPasswordHash());
  }

  @Test
  void aNewPasswordIsRefusedNamingEveryRuleItBreaks() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> sessions.changePassword(clerk.token(), clerk.password(), "short".toCharArray()));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    List<String> keys = refused.problems().stream().map(Refusal.Problem::key).toList();
    assertTrue(keys.contains("password.MIN_LENGTH"), keys.toString());
    assertTrue(keys.contains("password.LETTER_AND_DIGIT"), keys.toString());
    assertTrue(refused.problems().stream().allMatch(p -> "newPassword".equals(p.field())));
  }

  @Test
  void theSamePasswordAgainIsRefused() {
    Staff clerk = shared(OperatorRole.ENTRY_CLERK);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> sessions.changePassword(clerk.token(), clerk.password(), clerk.password()));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("newPassword", refused.problems().get(0).field());
    assertEquals("password.unchanged", refused.problems().get(0).key());
  }

  @Test
  void aSupersededLoginCertificateEndsTheSessionAndLogsInNoMore() {
    Staff archivist = newOperator(OperatorRole.ARCHIVE_ADMIN, null);
    String token = archivist.token();
    // a new login certificate, approved under dual control, supersedes (revokes) the old one
    RaServiceFixtures.approved(
        administration.requestCertificate(
            RaServiceFixtures.admin().token(),
            archivist.username,
            RaServiceFixtures.certificateRequest()));

    Refusal ended =
        assertThrows(Refusal.class, () -> queries.applications(token, ApplicationSearch.all()));
    assertEquals(RefusalCode.SESSION_ENDED, ended.code());
    assertEquals("session.ended", ended.problems().get(0).key());
    Refusal refused =
        refusedLogin(
            sessions, archivist.certificate, archivist.username, RaServiceFixtures.PASSWORD);
    assertEquals("login.failed", refused.problems().get(0).key());
    refusedForTheCertificate(archivist);
  }

  @Test
  void anExpiredLoginCertificateLogsInNoMore() {
    Staff auditor = shared(OperatorRole.AUDITOR);
    Instant notAfter = stored(auditor.username).getCertificate().getNotAfter();
    ServiceTier.clock()
        .advance(Duration.between(ServiceTier.clock().instant(), notAfter).plusSeconds(1));
    Refusal refused =
        refusedLogin(sessions, auditor.certificate, auditor.username, RaServiceFixtures.PASSWORD);
    assertEquals("login.failed", refused.problems().get(0).key());
    refusedForTheCertificate(auditor);
    assertEquals(0, stored(auditor.username).getFailedLogins());
  }
}
