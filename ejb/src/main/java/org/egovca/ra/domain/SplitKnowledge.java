package org.egovca.ra.domain;

import java.util.Optional;

/**
 * Nobody ends up holding both factors of another operator's login (CPS §6.5.2.5): whoever supplied
 * the key of an operator's login certificate (by asking for the account or the certificate) never
 * receives that operator's one-time password (by approving a reset), and whoever received a
 * one-time password still in use never supplies the key of a new login certificate.
 */
public final class SplitKnowledge {

  private SplitKnowledge() {}

  /**
   * Why {@code approver} may not approve {@code request}, or empty.
   *
   * @param keySupplied the latest approved request that gave the target its current login key
   *     (CREATE_OPERATOR or ISSUE_OPERATOR_CERTIFICATE), if any
   * @param passwordGiven the latest approved request that gave the target a one-time password
   *     (CREATE_OPERATOR or RESET_OPERATOR_PASSWORD), if any
   * @param passwordStillInUse whether the target has not yet replaced that one-time password
   */
  public static Optional<String> violation(
      DualControlRequest request,
      Operator approver,
      Optional<DualControlRequest> keySupplied,
      Optional<DualControlRequest> passwordGiven,
      boolean passwordStillInUse) {
    String target = request.getTarget();
    return switch (request.getAction()) {
      // the approver of a reset receives the one-time password
      case RESET_OPERATOR_PASSWORD ->
          keySupplied
              .filter(issued -> issued.askedBy(approver))
              .map(
                  issued ->
                      approver.getUsername()
                          + " supplied the key of the login certificate of "
                          + target
                          + " (request "
                          + issued.getId()
                          + ") and would receive its one-time password: another administrator"
                          + " must approve the reset");
      // the requester of a certificate supplies its key
      case ISSUE_OPERATOR_CERTIFICATE ->
          passwordGiven
              .filter(given -> passwordStillInUse && given.decidedBy(request.getRequestedBy()))
              .map(
                  given ->
                      request.getRequestedBy().getUsername()
                          + " received the one-time password of "
                          + target
                          + " (request "
                          + given.getId()
                          + ") and would supply the key of its login certificate: another"
                          + " administrator must ask for the certificate");
      default -> Optional.empty();
    };
  }
}
