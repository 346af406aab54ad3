package org.egovca.ra.application;

import static org.egovca.custody.application.CustodyFixtures.lastAudit;
import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The security administrator's work on accounts: only they may do it (one denial here, the whole
 * table in the authorisation matrix), and never on their own account.
 */
@ExtendWith(ServiceTier.class)
class OperatorAdministrationServiceTest {

  /** A login key no account has: the requests made with it here are refused. */
  private static String spareRequest;

  @Inject OperatorAdministration administration;
  @Inject Approvals approvals;

  @BeforeAll
  static void aSpareRequest() {
    spareRequest = RaServiceFixtures.certificateRequest();
  }

  @Test
  void anOperatorWhoIsNoSecurityAdministratorCannotAskForAnAccount() {
    String username = RaServiceFixtures.uniqueName("adm");
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                administration.requestOperator(
                    shared(OperatorRole.ENTRY_CLERK).token(),
                    RaServiceFixtures.newOperatorForm(username, OperatorRole.REVIEWER, null)));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertEquals("access.denied", refused.problems().get(0).key());
    // the denial names the user name asked for; no request names the account
    assertEquals(1, RaServiceFixtures.auditEvents(AuditAction.OPERATOR_CREATED, username).size());
    assertEquals(0, RaServiceFixtures.auditEventsAbout("operator:" + username));
  }

  @Test
  void anOperatorWhoIsNoSecurityAdministratorCannotUnlockAnAccount() {
    Staff auditor = shared(OperatorRole.AUDITOR);
    Refusal refused =
        assertThrows(Refusal.class, () -> administration.unlock(auditor.token(), auditor.username));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
  }

  @Test
  void aSecurityAdministratorCannotDeactivateThemselves() {
    Refusal refused =
        assertThrows(Refusal.class, () -> administration.deactivate(admin().token(), "admin"));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("username", refused.problems().get(0).field());
    assertEquals("operator.self", refused.problems().get(0).key());
    assertTrue(RaServiceFixtures.stored("admin").isActive());
  }

  @Test
  void anUnknownOperatorCannotBeDeactivatedUnlockedOrReset() {
    String token = admin().token();
    for (Refusal refused :
        new Refusal[] {
          assertThrows(Refusal.class, () -> administration.deactivate(token, "nobody-here")),
          assertThrows(Refusal.class, () -> administration.unlock(token, "nobody-here")),
          assertThrows(
              Refusal.class, () -> administration.requestPasswordReset(token, "nobody-here"))
        }) {
      assertEquals(RefusalCode.NOT_FOUND, refused.code());
      assertEquals("operator.notFound", refused.problems().get(0).key());
    }
  }

  @Test
  void aLockedAccountIsUnlockedByOneAdministrator() {
    Staff clerk = RaServiceFixtures.newOperator(OperatorRole.ENTRY_CLERK, null);
    OperatorSessions sessions = RaServiceFixtures.service(OperatorSessions.class);
    for (int i = 0; i < org.egovca.ra.domain.Operator.MAX_FAILED_LOGINS; i++) {
      assertThrows(
          Refusal.class,
          () ->
              sessions.login(clerk.certificate, clerk.username, "Wrong1pass".toCharArray(), null));
    }
    administration.unlock(admin().token(), clerk.username);
    assertEquals(
        clerk.username,
        sessions
            .login(clerk.certificate, clerk.username, clerk.password(), null)
            .operator()
            .username());
  }

  @Test
  void noAdministratorShortensAKeyCustodiansLockout() {
    // a host who could unlock between tries could guess a custodian's share PIN without end
    Refusal refused =
        assertThrows(Refusal.class, () -> administration.unlock(admin().token(), "custodian5"));

    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertTrue(refused.getMessage().contains("key custodian"), refused.getMessage());
    AuditEvent denied = lastAudit(AuditAction.OPERATOR_CHANGED);
    assertEquals(AuditOutcome.DENIED, denied.getOutcome());
    assertEquals("operator:custodian5", denied.getTarget());
  }

  @Test
  void aLoginCertificateForAnUnknownOperatorIsNotFoundAndNothingWaits() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> administration.requestCertificate(admin().token(), "nobody-here", spareRequest));
    assertEquals(RefusalCode.NOT_FOUND, refused.code());
    assertEquals("operator.notFound", refused.problems().get(0).key());
    assertEquals(0, RaServiceFixtures.requestsAbout("operator:nobody-here"));
  }

  @Test
  void nobodyAsksForTheirOwnLoginCertificateAndTheAttemptIsAudited() {
    String serial = RaServiceFixtures.stored("admin").getCertificate().getSerialNumberHex();
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> administration.requestCertificate(admin().token(), "admin", spareRequest));
    assertEquals(RefusalCode.SEPARATION_OF_DUTIES, refused.code());
    assertEquals("dualControl.sameOperator", refused.problems().get(0).key());
    assertTrue(refused.getMessage().contains("on their own account"), refused.getMessage());
    assertTrue(
        approvals.waiting(RaServiceFixtures.admin2().token()).stream()
            .noneMatch(
                waiting ->
                    waiting.target().equals("operator:admin")
                        && waiting.action().equals("ISSUE_OPERATOR_CERTIFICATE")));
    assertEquals(
        AuditOutcome.DENIED,
        RaServiceFixtures.auditEvents(AuditAction.DUAL_CONTROL_REQUESTED, "operator:admin")
            .get(0)
            .getOutcome());
    assertEquals(serial, RaServiceFixtures.stored("admin").getCertificate().getSerialNumberHex());
  }
}
