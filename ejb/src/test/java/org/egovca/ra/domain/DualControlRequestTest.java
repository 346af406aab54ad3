package org.egovca.ra.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DualControlRequestTest {

  private static final Instant T = Instant.parse("2026-12-07T08:00:00Z");

  private final Operator alice = admin("alice");
  private final Operator bob = admin("bob");
  private final Operator lisi = operator("lisi", OperatorRole.ENTRY_CLERK);

  private static Operator admin(String username) {
    return operator(username, OperatorRole.SECURITY_ADMIN);
  }

  private static Operator operator(String username, OperatorRole role) {
    return new Operator(
        username, username, null, EnumSet.of(role), null, "$argon2id$x", "system", T);
  }

  private DualControlRequest resetOf(Operator target, Operator requester) {
    return new DualControlRequest(
        SupervisedAction.RESET_OPERATOR_PASSWORD,
        "operator:" + target.getUsername(),
        target,
        "one-time password for " + target.getUsername(),
        "{\"username\":\"" + target.getUsername() + "\"}",
        requester,
        T);
  }

  @Test
  void aSecondOperatorApproves() {
    DualControlRequest request = resetOf(lisi, alice);
    request.approve(bob, T.plusSeconds(60), "checked in person");

    assertEquals(DualControlRequest.State.APPROVED, request.getState());
    assertEquals(bob, request.getDecidedBy());
    assertEquals("checked in person", request.getDecisionNote());
  }

  @Test
  void theOperatorWhoAskedCannotApproveOrReject() {
    DualControlRequest request = resetOf(lisi, alice);

    DualControlViolation approve =
        assertThrows(DualControlViolation.class, () -> request.approve(alice, T, null));
    assertTrue(approve.getMessage().contains("cannot also decide it"), approve.getMessage());
    assertThrows(DualControlViolation.class, () -> request.reject(alice, T, null));
    assertEquals(DualControlRequest.State.PENDING, request.getState());
  }

  @Test
  void nobodyAsksForAnActionOnTheirOwnAccount() {
    DualControlViolation violation =
        assertThrows(DualControlViolation.class, () -> resetOf(alice, alice));
    assertTrue(violation.getMessage().contains("their own account"), violation.getMessage());
  }

  @Test
  void nobodyApprovesAnActionOnTheirOwnAccount() {
    DualControlRequest request = resetOf(bob, alice);

    assertThrows(DualControlViolation.class, () -> request.approve(bob, T, null));
    assertEquals(DualControlRequest.State.PENDING, request.getState());
  }

  @Test
  void aDecidedRequestIsNotDecidedAgain() {
    DualControlRequest request = resetOf(lisi, alice);
    request.reject(bob, T, "not asked for by the operator");

    IllegalStateException again =
        assertThrows(IllegalStateException.class, () -> request.approve(bob, T, null));
    assertTrue(again.getMessage().contains("already decided"), again.getMessage());
  }

  @Test
  void anExpiredRequestIsNotApproved() {
    DualControlRequest request = resetOf(lisi, alice);
    Instant late = T.plus(DualControlRequest.LIFETIME);

    IllegalStateException expired =
        assertThrows(IllegalStateException.class, () -> request.approve(bob, late, null));
    assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
    assertTrue(request.isOpenAt(late.minusSeconds(1)));
  }

  @Test
  void onlyTheOperatorWhoAskedWithdraws() {
    DualControlRequest request = resetOf(lisi, alice);

    assertThrows(DualControlViolation.class, () -> request.withdraw(bob, T));
    request.withdraw(alice, T);
    assertEquals(DualControlRequest.State.WITHDRAWN, request.getState());
    assertNull(request.getDecisionNote());
  }

  @Test
  void everySupervisedActionNeedsAPermissionOfTheSecurityAdministrator() {
    for (SupervisedAction action : SupervisedAction.values()) {
      assertEquals(
          EnumSet.of(OperatorRole.SECURITY_ADMIN), action.permission().grantedTo(), action.name());
    }
  }

  @Test
  void aRequestOfAnOperatorWhoMayNoLongerAskIsNotApproved() {
    DualControlRequest request = resetOf(lisi, alice);
    alice.deactivate();

    DualControlViolation gone =
        assertThrows(DualControlViolation.class, () -> request.approve(bob, T, null));
    assertTrue(gone.getMessage().contains("may no longer ask for it"), gone.getMessage());
    request.reject(bob, T, "alice left");
    assertEquals(DualControlRequest.State.REJECTED, request.getState());
  }
}
