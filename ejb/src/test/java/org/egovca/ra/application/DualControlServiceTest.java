package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.admin2;
import static org.egovca.ra.application.RaServiceFixtures.newOperator;
import static org.egovca.ra.application.RaServiceFixtures.newOperatorForm;
import static org.egovca.ra.application.RaServiceFixtures.stateOf;
import static org.egovca.ra.application.RaServiceFixtures.stored;
import static org.egovca.ra.application.RaServiceFixtures.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.application.RaServiceFixtures.Account;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.DualControlRequest;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One operates, one supervises (CPS 7.5.1.2): who may ask for and decide a supervised action, and
 * that a refused decision leaves the request waiting and carries nothing out.
 */
@ExtendWith(ServiceTier.class)
class DualControlServiceTest {

  @Inject Approvals approvals;
  @Inject OperatorAdministration administration;

  private DualControlRequestView newOperatorRequest(Staff requester, String username) {
    return administration.requestOperator(
        requester.token(), newOperatorForm(username, OperatorRole.ARCHIVE_ADMIN, null));
  }

  private static Refusal separation(Refusal refused, String key) {
    assertEquals(RefusalCode.SEPARATION_OF_DUTIES, refused.code());
    assertEquals(key, refused.problems().get(0).key());
    return refused;
  }

  @Test
  void theRequesterCannotApproveTheirOwnRequestAndNothingIsCarriedOut() {
    String username = uniqueName("dc");
    DualControlRequestView request = newOperatorRequest(admin(), username);
    Refusal refused =
        assertThrows(Refusal.class, () -> approvals.approve(admin().token(), request.id(), null));
    separation(refused, "dualControl.sameOperator");
    assertTrue(refused.getMessage().contains("cannot also decide it"), refused.getMessage());
    assertEquals(DualControlRequest.State.PENDING, stateOf(request.id()));
    assertNull(stored(username));
    assertTrue(
        RaServiceFixtures.auditEvents(AuditAction.DUAL_CONTROL_APPROVED, reference(request))
            .stream()
            .allMatch(event -> event.getOutcome() == AuditOutcome.DENIED));
  }

  @Test
  void nobodyAsksForASupervisedActionOnTheirOwnAccount() {
    String token = admin().token();
    long before = RaServiceFixtures.auditEventsAbout("operator:admin");
    Refusal refused =
        assertThrows(Refusal.class, () -> administration.requestPasswordReset(token, "admin"));
    separation(refused, "dualControl.sameOperator");
    assertTrue(refused.getMessage().contains("their own account"), refused.getMessage());
    // only the denial is recorded; no request waits
    assertEquals(before + 1, RaServiceFixtures.auditEventsAbout("operator:admin"));
    assertTrue(
        approvals.waiting(admin2().token()).stream()
            .noneMatch(
                waiting ->
                    waiting.target().equals("operator:admin")
                        && waiting.action().equals("RESET_OPERATOR_PASSWORD")));
  }

  @Test
  void theOperatorARequestIsAboutCannotDecideIt() {
    Staff securityAdmin = newOperator(OperatorRole.SECURITY_ADMIN, null);
    DualControlRequestView request =
        administration.requestRoleChange(
            admin().token(), securityAdmin.username, OperatorRole.AUDITOR, null);
    Refusal refused =
        assertThrows(
            Refusal.class, () -> approvals.approve(securityAdmin.token(), request.id(), null));
    separation(refused, "dualControl.sameOperator");
    assertTrue(refused.getMessage().contains("about their own account"), refused.getMessage());
    assertEquals(DualControlRequest.State.PENDING, stateOf(request.id()));
    assertEquals(
        java.util.Set.of(OperatorRole.SECURITY_ADMIN), stored(securityAdmin.username).getRoles());
  }

  @Test
  void aRequestWhoseRequesterLostThePermissionCannotBeApproved() {
    Staff securityAdmin = newOperator(OperatorRole.SECURITY_ADMIN, null);
    String username = uniqueName("dc");
    DualControlRequestView request = newOperatorRequest(securityAdmin, username);
    administration.deactivate(admin().token(), securityAdmin.username);

    Refusal refused =
        assertThrows(Refusal.class, () -> approvals.approve(admin2().token(), request.id(), null));
    separation(refused, "dualControl.sameOperator");
    assertTrue(refused.getMessage().contains("may no longer ask for it"), refused.getMessage());
    assertNull(stored(username));
    assertEquals("REJECTED", approvals.reject(admin2().token(), request.id(), null).state());
  }

  @Test
  void aRequestNobodyDecidedInTimeExpires() {
    String username = uniqueName("dc");
    DualControlRequestView request = newOperatorRequest(admin(), username);
    ServiceTier.clock().advance(DualControlRequest.LIFETIME);
    Refusal refused =
        assertThrows(
            Refusal.class, () -> approvals.approve(admin2().freshToken(), request.id(), null));
    assertEquals(RefusalCode.WRONG_STATE, refused.code());
    assertEquals("dualControl.notOpen", refused.problems().get(0).key());
    assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
    assertNull(stored(username));
  }

  @Test
  void theSameActionOnTheSameTargetCannotWaitTwice() {
    String username = uniqueName("dc");
    newOperatorRequest(admin(), username);
    Refusal refused = assertThrows(Refusal.class, () -> newOperatorRequest(admin2(), username));
    assertEquals(RefusalCode.WRONG_STATE, refused.code());
    assertEquals("dualControl.alreadyRequested", refused.problems().get(0).key());
  }

  @Test
  void whoeverSuppliedTheLoginKeyCannotApproveAPasswordReset() {
    // admin asked for the account, with its login key
    Staff archivist = newOperator(OperatorRole.ARCHIVE_ADMIN, null);
    DualControlRequestView reset =
        administration.requestPasswordReset(admin2().token(), archivist.username);
    Refusal refused =
        assertThrows(Refusal.class, () -> approvals.approve(admin().token(), reset.id(), null));
    separation(refused, "dualControl.splitKnowledge");
    assertTrue(refused.getMessage().contains("supplied the key"), refused.getMessage());
    assertEquals(DualControlRequest.State.PENDING, stateOf(reset.id()));
    assertTrue(!stored(archivist.username).isMustChangePassword());
  }

  @Test
  void whoeverReceivedAOneTimePasswordStillInUseCannotAskForTheLoginCertificate() {
    // admin2 approved the account and received its one-time password, not yet replaced
    Account account = RaServiceFixtures.newAccount(OperatorRole.ARCHIVE_ADMIN, null);
    DualControlRequestView certificate =
        administration.requestCertificate(
            admin2().token(), account.staff().username, RaServiceFixtures.certificateRequest());
    Refusal refused =
        assertThrows(
            Refusal.class, () -> approvals.approve(admin().token(), certificate.id(), null));
    separation(refused, "dualControl.splitKnowledge");
    assertTrue(refused.getMessage().contains("received the one-time password"));
    assertEquals(DualControlRequest.State.PENDING, stateOf(certificate.id()));
  }

  @Test
  void anApprovedActionIsCheckedAgainAndARefusalLeavesTheRequestWaiting() {
    Staff archivist = newOperator(OperatorRole.ARCHIVE_ADMIN, null);
    String key = RaServiceFixtures.certificateRequest();
    DualControlRequestView certificate =
        administration.requestCertificate(admin().token(), archivist.username, key);
    String serialBefore = stored(archivist.username).getCertificate().getSerialNumberHex();
    // meanwhile another account gets that key
    RaServiceFixtures.approved(
        administration.requestOperator(
            admin().token(),
            new NewOperator(uniqueName("dc"), "Key Thief", null, OperatorRole.AUDITOR, null, key)));

    Refusal refused =
        assertThrows(
            Refusal.class, () -> approvals.approve(admin2().token(), certificate.id(), null));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("certificateRequest", refused.problems().get(0).field());
    assertEquals(DualControlRequest.State.PENDING, stateOf(certificate.id()));
    assertEquals(serialBefore, stored(archivist.username).getCertificate().getSerialNumberHex());
    assertTrue(
        RaServiceFixtures.auditEvents(AuditAction.DUAL_CONTROL_APPROVED, reference(certificate))
            .stream()
            .anyMatch(event -> event.getOutcome() == AuditOutcome.FAILURE));
  }

  /** How the audit log names a request. */
  private static String reference(DualControlRequestView request) {
    return "request:" + request.id();
  }

  private static void notOpen(Refusal refused, String part) {
    assertEquals(RefusalCode.WRONG_STATE, refused.code());
    assertEquals("dualControl.notOpen", refused.problems().get(0).key());
    assertTrue(refused.getMessage().contains(part), refused.getMessage());
  }

  @Test
  void aDecidedRequestCanNeitherBeRejectedNorWithdrawnAgain() {
    String username = uniqueName("dc");
    DualControlRequestView request = newOperatorRequest(admin(), username);
    approvals.reject(admin2().token(), request.id(), "not needed");

    notOpen(
        assertThrows(Refusal.class, () -> approvals.reject(admin2().token(), request.id(), null)),
        "was already decided: it is REJECTED");
    notOpen(
        assertThrows(Refusal.class, () -> approvals.withdraw(admin().token(), request.id())),
        "was already decided: it is REJECTED");
    assertEquals(DualControlRequest.State.REJECTED, stateOf(request.id()));
    assertNull(stored(username));
  }

  @Test
  void anExpiredRequestCanNeitherBeRejectedNorWithdrawn() {
    String username = uniqueName("dc");
    DualControlRequestView request = newOperatorRequest(admin(), username);
    ServiceTier.clock().advance(DualControlRequest.LIFETIME);

    notOpen(
        assertThrows(
            Refusal.class, () -> approvals.reject(admin2().freshToken(), request.id(), null)),
        "expired");
    notOpen(
        assertThrows(Refusal.class, () -> approvals.withdraw(admin().freshToken(), request.id())),
        "expired");
    assertEquals(DualControlRequest.State.PENDING, stateOf(request.id()));
    assertNull(stored(username));
  }
}
