package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.admin2;
import static org.egovca.ra.application.RaServiceFixtures.stateOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.DualControlRequest;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console's side of dual control: who may see and decide requests, and what a note holds. */
@ExtendWith(ServiceTier.class)
class ApprovalsServiceTest {

  @Inject Approvals approvals;
  @Inject OperatorAdministration administration;

  private DualControlRequestView newOperatorRequest() {
    return administration.requestOperator(
        admin().token(),
        RaServiceFixtures.newOperatorForm(
            RaServiceFixtures.uniqueName("apv"), OperatorRole.ARCHIVE_ADMIN, null));
  }

  @Test
  void anOperatorWhoIsNoSecurityAdministratorCannotDecideRequests() {
    DualControlRequestView request = newOperatorRequest();
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                approvals.approve(
                    RaServiceFixtures.shared(OperatorRole.REVIEWER).token(), request.id(), null));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertTrue(refused.getMessage().contains("APPROVE_REQUESTS"), refused.getMessage());
    assertEquals(DualControlRequest.State.PENDING, stateOf(request.id()));
  }

  @Test
  void anUnknownRequestIsNotFound() {
    Refusal refused =
        assertThrows(Refusal.class, () -> approvals.request(admin2().token(), Long.MAX_VALUE));
    assertEquals(RefusalCode.NOT_FOUND, refused.code());
    assertEquals("dualControl.notFound", refused.problems().get(0).key());
  }

  @Test
  void anApprovalNoteLongerThanTheLimitIsRefusedNamingItAndNothingIsCreated() {
    DualControlRequestView request = newOperatorRequest();
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> approvals.approve(admin2().token(), request.id(), "n".repeat(1001)));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("note", refused.problems().get(0).field());
    assertEquals(DualControlRequest.State.PENDING, stateOf(request.id()));
    assertEquals(null, RaServiceFixtures.stored(request.target().substring("operator:".length())));
  }

  @Test
  void onlyTheRequesterMayWithdrawARequest() {
    DualControlRequestView request = newOperatorRequest();
    Refusal refused =
        assertThrows(Refusal.class, () -> approvals.withdraw(admin2().token(), request.id()));
    assertEquals(RefusalCode.SEPARATION_OF_DUTIES, refused.code());
    assertTrue(refused.getMessage().contains("who asked for it"), refused.getMessage());
    assertEquals(DualControlRequest.State.PENDING, stateOf(request.id()));

    assertEquals("WITHDRAWN", approvals.withdraw(admin().token(), request.id()).state());
  }

  @Test
  void theRequesterCannotRejectTheirOwnRequest() {
    DualControlRequestView request = newOperatorRequest();
    Refusal refused =
        assertThrows(Refusal.class, () -> approvals.reject(admin().token(), request.id(), null));
    assertEquals(RefusalCode.SEPARATION_OF_DUTIES, refused.code());
    assertEquals("dualControl.sameOperator", refused.problems().get(0).key());
    assertEquals(DualControlRequest.State.PENDING, stateOf(request.id()));
  }

  @Test
  void aRejectedRequestCannotBeApprovedAfterwards() {
    DualControlRequestView request = newOperatorRequest();
    assertEquals("REJECTED", approvals.reject(admin2().token(), request.id(), "no").state());
    Refusal refused =
        assertThrows(Refusal.class, () -> approvals.approve(admin2().token(), request.id(), null));
    assertEquals(RefusalCode.WRONG_STATE, refused.code());
    assertEquals("dualControl.notOpen", refused.problems().get(0).key());
    assertTrue(refused.getMessage().contains("REJECTED"), refused.getMessage());
  }
}
