package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.DualControlRequest;
import org.egovca.ra.domain.SupervisedAction;

/**
 * The approved supervised actions on a CA key that wait for their key ceremony ({@link
 * SupervisedAction#heldInKeyCeremony()}): two security administrators decide that a key is rolled
 * over, and three key custodians carry it out (CPS §7.5.1.2 item 2). The custodians name the
 * approved request; it must have been approved within {@link DualControlRequest#CEREMONY_WINDOW},
 * and is locked in the ceremony's transaction, so that one approval is carried out once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class KeyCeremonyApprovals {

  /** An approved CA key rollover that waits for its ceremony: the request and the CA it names. */
  public record AwaitingRollover(DualControlRequest request, String caName) {

    /** Keeps what the rollover produced as the request's public result. */
    public void carriedOut(String certificatesPem) {
      request.recordResult(certificatesPem);
    }
  }

  /**
   * An approval counts only while both security administrators could still give it: one locked out,
   * deactivated or moved to another role since cannot have a key rolled over now.
   */
  private static void requireStillEntitled(
      DualControlRequest request, org.egovca.ra.domain.Operator operator, String step) {
    if (!operator.isActive() || !operator.has(request.getAction().permission())) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "request "
              + request.getId()
              + " was "
              + step
              + " by "
              + operator.getUsername()
              + ", who may no longer do so: the security administrators ask again");
    }
  }

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private Clock clock;

  /**
   * What the approved request {@code id} asks for, for the custodians to read before they type
   * their PINs: the action, its target and summary, who asked and who approved it, and when.
   *
   * @throws Refusal NOT_FOUND for no such request, WRONG_STATE for one that waits for no ceremony
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public String describe(long id) {
    DualControlRequest request = entityManager.find(DualControlRequest.class, id);
    if (request == null) {
      throw new Refusal(RefusalCode.NOT_FOUND, "there is no request " + id);
    }
    if (!request.awaitsKeyCeremony()) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "request " + id + " waits for no key ceremony (it is " + request.getState() + ")");
    }
    return "request "
        + id
        + ": "
        + request.getAction()
        + " "
        + request.getTarget()
        + ", asked for by "
        + request.getRequestedBy().getUsername()
        + " at "
        + request.getRequestedAt()
        + ", approved by "
        + request.getDecidedBy().getUsername()
        + " at "
        + request.getDecidedAt()
        + "\n"
        + request.getSummary();
  }

  /**
   * Request {@code id}, an approved CA key rollover waiting for its ceremony, locked.
   *
   * @throws Refusal NOT_FOUND for no such request, WRONG_STATE for any other
   */
  public AwaitingRollover rollover(long id) {
    DualControlRequest request = entityManager.find(DualControlRequest.class, id);
    if (request == null) {
      throw new Refusal(RefusalCode.NOT_FOUND, "there is no request " + id);
    }
    // two ceremonies racing for one approval (on two servers): the row lock lets one carry it out
    entityManager.lock(request, LockModeType.PESSIMISTIC_WRITE);
    entityManager.refresh(request);
    if (request.getAction() != SupervisedAction.ROLL_OVER_CA_KEY || !request.awaitsKeyCeremony()) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "request "
              + id
              + " is no approved CA key rollover waiting for its ceremony (it is "
              + request.getAction()
              + ", "
              + request.getState()
              + (request.getResult() == null ? "" : ", carried out")
              + ")");
    }
    if (request
        .getDecidedAt()
        .isBefore(clock.instant().minus(DualControlRequest.CEREMONY_WINDOW))) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "request "
              + id
              + " was approved at "
              + request.getDecidedAt()
              + ", more than "
              + DualControlRequest.CEREMONY_WINDOW.toDays()
              + " days ago: the security administrators ask again");
    }
    requireStillEntitled(request, request.getRequestedBy(), "asked for");
    requireStillEntitled(request, request.getDecidedBy(), "approved");
    return new AwaitingRollover(
        request,
        ActionParameters.read(request.getParameters(), SupervisedActions.CaKeyRolloverRequest.class)
            .caName());
  }
}
