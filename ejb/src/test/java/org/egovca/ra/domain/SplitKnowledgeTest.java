package org.egovca.ra.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two approvals must not give one administrator both factors of a colleague's login: the key of
 * their certificate and their one-time password.
 */
class SplitKnowledgeTest {

  private static final Instant T = Instant.parse("2026-12-07T08:00:00Z");

  private final Operator alice = admin("alice");
  private final Operator bob = admin("bob");
  private final Operator carol = admin("carol");
  private final Operator lisi =
      new Operator(
          "lisi", "Li Si", null, EnumSet.of(OperatorRole.ARCHIVE_ADMIN), null, "$a", "system", T);

  private static Operator admin(String username) {
    return new Operator(
        username, username, null, EnumSet.of(OperatorRole.SECURITY_ADMIN), null, "$a", "s", T);
  }

  private DualControlRequest approved(
      SupervisedAction action, Operator requester, Operator approver) {
    DualControlRequest request = pending(action, requester);
    request.approve(approver, T.plusSeconds(60), null);
    return request;
  }

  private DualControlRequest pending(SupervisedAction action, Operator requester) {
    return new DualControlRequest(action, "operator:lisi", lisi, action.name(), "{}", requester, T);
  }

  @Test
  void whoSuppliedTheLoginKeyDoesNotReceiveTheOneTimePassword() {
    // alice asked for lisi's certificate with a key of her choosing; bob approved it
    DualControlRequest certificate =
        approved(SupervisedAction.ISSUE_OPERATOR_CERTIFICATE, alice, bob);
    DualControlRequest reset = pending(SupervisedAction.RESET_OPERATOR_PASSWORD, bob);

    Optional<String> byAlice =
        SplitKnowledge.violation(reset, alice, Optional.of(certificate), Optional.empty(), false);
    assertTrue(byAlice.isPresent());
    assertTrue(byAlice.get().startsWith("alice supplied the key"), byAlice.get());
    assertEquals(
        Optional.empty(),
        SplitKnowledge.violation(reset, carol, Optional.of(certificate), Optional.empty(), false));
  }

  @Test
  void whoReceivedAOneTimePasswordInUseDoesNotSupplyTheLoginKey() {
    DualControlRequest reset = approved(SupervisedAction.RESET_OPERATOR_PASSWORD, alice, bob);
    DualControlRequest certificate = pending(SupervisedAction.ISSUE_OPERATOR_CERTIFICATE, bob);

    Optional<String> stillInUse =
        SplitKnowledge.violation(certificate, carol, Optional.empty(), Optional.of(reset), true);
    assertTrue(stillInUse.isPresent());
    assertTrue(stillInUse.get().startsWith("bob received the one-time password"));
    // once lisi chose a password of her own, bob knows nothing of it
    assertEquals(
        Optional.empty(),
        SplitKnowledge.violation(certificate, carol, Optional.empty(), Optional.of(reset), false));
  }

  @Test
  void otherActionsGiveNobodyAFactor() {
    DualControlRequest role = pending(SupervisedAction.CHANGE_OPERATOR_ROLE, alice);
    DualControlRequest certificate =
        approved(SupervisedAction.ISSUE_OPERATOR_CERTIFICATE, bob, alice);

    assertEquals(
        Optional.empty(),
        SplitKnowledge.violation(role, bob, Optional.of(certificate), Optional.empty(), true));
  }
}
