package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.admin2;
import static org.egovca.ra.application.RaServiceFixtures.stateOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.PendingAction;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console's side of dual control: who may see and decide requests, and what a note holds. */
@ExtendWith(ServiceTier.class)
class ApprovalsServiceTest {

  @Inject Approvals approvals;
  @Inject OperatorAdministration administration;

  private PendingActionView newOperatorRequest() {
    return administration.requestOperator(
        admin().token(),
        RaServiceFixtures.newOperatorForm(
            RaServiceFixtures.uniqueName("apv"), OperatorRole.ARCHIVE_ADMIN, null));
  }

  @Test
  void anOperatorWhoIsNoSecurityAdministratorCannotDecideRequests() {
    PendingActionView request = newOperatorRequest();
    RaRefusal refused =
        assertThrows(
            RaRefusal.class,
            () ->
                approvals.approve(
                    RaServiceFixtures.shared(OperatorRole.REVIEWER).token(), request.id(), null));
    assertEquals(RaRefusal.Reason.NOT_AUTHORIZED, refused.reason());
    assertTrue(refused.getMessage().contains("APPROVE_REQUESTS"), refused.getMessage());
    assertEquals(PendingAction.State.PENDING, stateOf(request.id()));
  }

  @Test
  void anUnknownRequestIsNotFound() {
    RaRefusal refused =
        assertThrows(RaRefusal.class, () -> approvals.request(admin2().token(), Long.MAX_VALUE));
    assertEquals(RaRefusal.Reason.NOT_FOUND, refused.reason());
    assertEquals("dualControl.notFound", refused.problems().get(0).key());
  }

  @Test
  void anApprovalNoteLongerThanTheLimitIsRefusedNamingItAndNothingIsCreated() {
    PendingActionView request = newOperatorRequest();
    RaRefusal refused =
        assertThrows(
            RaRefusal.class,
            () -> approvals.approve(admin2().token(), request.id(), "n".repeat(1001)));
    assertEquals(RaRefusal.Reason.INVALID_INPUT, refused.reason());
    assertEquals("note", refused.problems().get(0).field());
    assertEquals(PendingAction.State.PENDING, stateOf(request.id()));
    assertEquals(null, RaServiceFixtures.stored(request.target().substring("operator:".length())));
  }

  @Test
  void onlyTheRequesterMayWithdrawARequest() {
    PendingActionView request = newOperatorRequest();
    RaRefusal refused =
        assertThrows(RaRefusal.class, () -> approvals.withdraw(admin2().token(), request.id()));
    assertEquals(RaRefusal.Reason.SEPARATION_OF_DUTIES, refused.reason());
    assertTrue(refused.getMessage().contains("who asked for it"), refused.getMessage());
    assertEquals(PendingAction.State.PENDING, stateOf(request.id()));

    assertEquals("WITHDRAWN", approvals.withdraw(admin().token(), request.id()).state());
  }

  @Test
  void theRequesterCannotRejectTheirOwnRequest() {
    PendingActionView request = newOperatorRequest();
    RaRefusal refused =
        assertThrows(RaRefusal.class, () -> approvals.reject(admin().token(), request.id(), null));
    assertEquals(RaRefusal.Reason.SEPARATION_OF_DUTIES, refused.reason());
    assertEquals("dualControl.sameOperator", refused.problems().get(0).key());
    assertEquals(PendingAction.State.PENDING, stateOf(request.id()));
  }

  @Test
  void aRejectedRequestCannotBeApprovedAfterwards() {
    PendingActionView request = newOperatorRequest();
    assertEquals("REJECTED", approvals.reject(admin2().token(), request.id(), "no").state());
    RaRefusal refused =
        assertThrows(
            RaRefusal.class, () -> approvals.approve(admin2().token(), request.id(), null));
    assertEquals(RaRefusal.Reason.WRONG_STATE, refused.reason());
    assertEquals("dualControl.notOpen", refused.problems().get(0).key());
    assertTrue(refused.getMessage().contains("REJECTED"), refused.getMessage());
  }
}
