package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.auditEvents;
import static org.egovca.ra.application.RaServiceFixtures.newAccount;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.application.RaServiceFixtures.Account;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first check of every console method, seen through a method that makes only that check
 * (listing operators): the cell-by-cell table of roles and permissions is the authorisation
 * matrix's test.
 */
@ExtendWith(ServiceTier.class)
class ConsoleAccessServiceTest {

  @Inject OperatorAdministration administration;
  @Inject OperatorSessions sessions;
  @Inject RaQueries queries;

  @Test
  void noSessionTokenIsRefusedAsAnEndedSession() {
    Refusal refused = assertThrows(Refusal.class, () -> administration.operators(null));
    assertEquals(RefusalCode.SESSION_ENDED, refused.code());
    assertEquals("session.ended", refused.problems().get(0).key());
  }

  @Test
  void anUnknownSessionTokenIsRefusedAsAnEndedSession() {
    Refusal refused =
        assertThrows(Refusal.class, () -> administration.operators("no-such-session"));
    assertEquals(RefusalCode.SESSION_ENDED, refused.code());
  }

  @Test
  void anOperatorWithoutThePermissionIsRefusedAndTheDenialAudited() {
    Staff auditor = shared(OperatorRole.AUDITOR);
    Refusal refused = assertThrows(Refusal.class, () -> administration.operators(auditor.token()));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertEquals("access.denied", refused.problems().get(0).key());
    assertTrue(refused.getMessage().contains("MANAGE_OPERATORS"), refused.getMessage());
    // audited in a transaction of its own: the refused call's rolled back
    assertTrue(
        auditEvents(AuditAction.OPERATORS_LISTED, null).stream()
            .anyMatch(
                event ->
                    event.getOutcome() == AuditOutcome.DENIED
                        && event.getActor().equals("operator:" + auditor.username)));
  }

  @Test
  void aOneTimePasswordOpensASessionButNoServiceUntilReplaced() {
    Account account = newAccount(OperatorRole.ENTRY_CLERK, null);
    String token =
        sessions
            .login(account.staff().certificate, account.staff().username, account.oneTime(), null)
            .sessionToken();
    Refusal refused =
        assertThrows(Refusal.class, () -> queries.applications(token, ApplicationSearch.all()));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertEquals("password.mustChange", refused.problems().get(0).key());
  }

  @Test
  void theSessionOfADeactivatedOperatorHasEnded() {
    Staff auditor = RaServiceFixtures.newOperator(OperatorRole.AUDITOR, null);
    String token = auditor.token();
    administration.deactivate(RaServiceFixtures.admin().token(), auditor.username);
    Refusal refused = assertThrows(Refusal.class, () -> queries.auditTrail(token, null, 1));
    assertEquals(RefusalCode.SESSION_ENDED, refused.code());
  }
}
