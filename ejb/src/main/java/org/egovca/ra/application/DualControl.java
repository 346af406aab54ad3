package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.DualControlRequest;
import org.egovca.ra.domain.DualControlViolation;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.SplitKnowledge;
import org.egovca.ra.domain.SupervisedAction;

/**
 * Dual control (CPS §7.5.1.2 item 2, "one operates, one supervises") for every action that could
 * take over an account or touch a CA key: the first operator's action is recorded as a dual-control
 * request; a second, different operator with the same permission approves it — and it is carried
 * out in that transaction — or rejects it. Nobody asks for or decides an action on their own
 * account. Every step is audited; a refused step is audited as denied. Callers (the console, the
 * admin SOAP service) have authenticated the operator.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DualControl {

  /** What the parameters column holds. */
  private static final int MAX_PARAMETERS = 16384;

  /** What an approver may write (the decision note column holds 1,024). */
  private static final int MAX_NOTE_LENGTH = 1000;

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;
  @Inject private SupervisedActions actions;

  @Inject private Clock clock;

  /**
   * Records {@code action} as asked for by {@code requester}.
   *
   * @param target what the action is about, e.g. {@code operator:lisi}
   * @param targetOperator the operator it is about, or null
   * @param summary the action in words, as the approver will see it
   * @param parameters the record the action is carried out with when approved
   */
  public DualControlRequestView request(
      Operator requester,
      SupervisedAction action,
      String target,
      Operator targetOperator,
      String summary,
      Object parameters) {
    requirePermission(requester, action, AuditAction.DUAL_CONTROL_REQUESTED);
    Instant now = clock.instant();
    if (!entityManager
        .createNamedQuery(DualControlRequest.OPEN_FOR_TARGET, DualControlRequest.class)
        .setParameter("now", now)
        .setParameter("action", action)
        .setParameter("target", target)
        .getResultList()
        .isEmpty()) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "dualControl.alreadyRequested",
          "a request for " + action + " on " + target + " is already waiting for approval");
    }
    String json = ActionParameters.write(parameters);
    if (summary.length() > DualControlRequest.MAX_SUMMARY) {
      throw Refusal.invalid(
          null,
          "dualControl.tooLarge",
          "the request's description is longer than "
              + DualControlRequest.MAX_SUMMARY
              + " characters, and an approver must see all of it: split the request");
    }
    if (json.length() > MAX_PARAMETERS) {
      throw Refusal.invalid(
          null,
          "dualControl.tooLarge",
          "the request is larger than "
              + MAX_PARAMETERS
              + " characters and cannot wait for approval");
    }
    DualControlRequest request;
    try {
      request =
          new DualControlRequest(action, target, targetOperator, summary, json, requester, now);
    } catch (DualControlViolation violation) {
      throw denied(requester, AuditAction.DUAL_CONTROL_REQUESTED, target, violation);
    }
    entityManager.persist(request);
    entityManager.flush();
    auditLog.success(
        ConsoleAccess.actor(requester),
        AuditAction.DUAL_CONTROL_REQUESTED,
        reference(request),
        action + " " + target + ": " + summary);
    return DualControlRequestView.of(request);
  }

  /** Approves request {@code id} as a second operator, and carries it out now. */
  public Approval approve(Operator approver, long id, String note) {
    note = checkedNote(note);
    DualControlRequest request = open(id);
    requirePermission(approver, request.getAction(), AuditAction.DUAL_CONTROL_APPROVED);
    requireSplitKnowledge(request, approver);
    try {
      request.approve(approver, clock.instant(), note);
    } catch (DualControlViolation violation) {
      throw denied(approver, AuditAction.DUAL_CONTROL_APPROVED, reference(request), violation);
    }
    String actor = ConsoleAccess.actor(approver);
    auditLog.success(
        actor,
        AuditAction.DUAL_CONTROL_APPROVED,
        reference(request),
        request.getAction()
            + " "
            + request.getTarget()
            + " asked for by "
            + ConsoleAccess.actor(request.getRequestedBy())
            + (note == null ? "" : ": " + note));
    SupervisedActions.Outcome outcome;
    try {
      outcome = actions.carryOut(request, actor);
    } catch (Refusal refused) {
      // the approval rolls back with the action: the request stays open, to be rejected or
      // approved once what stood in the way is gone
      auditLog.refusal(
          actor,
          AuditAction.DUAL_CONTROL_APPROVED,
          reference(request),
          AuditOutcome.FAILURE,
          refused.getMessage());
      throw refused;
    }
    request.recordResult(outcome.publicResult());
    return new Approval(DualControlRequestView.of(request), outcome.secret());
  }

  public DualControlRequestView reject(Operator approver, long id, String note) {
    note = checkedNote(note);
    DualControlRequest request = open(id);
    requirePermission(approver, request.getAction(), AuditAction.DUAL_CONTROL_REJECTED);
    try {
      request.reject(approver, clock.instant(), note);
    } catch (DualControlViolation violation) {
      throw denied(approver, AuditAction.DUAL_CONTROL_REJECTED, reference(request), violation);
    }
    auditLog.success(
        ConsoleAccess.actor(approver),
        AuditAction.DUAL_CONTROL_REJECTED,
        reference(request),
        request.getAction() + " " + request.getTarget() + (note == null ? "" : ": " + note));
    return DualControlRequestView.of(request);
  }

  /** The operator who asked for request {@code id} takes it back. */
  public DualControlRequestView withdraw(Operator requester, long id) {
    DualControlRequest request = open(id);
    try {
      request.withdraw(requester, clock.instant());
    } catch (DualControlViolation violation) {
      throw denied(requester, AuditAction.DUAL_CONTROL_WITHDRAWN, reference(request), violation);
    }
    auditLog.success(
        ConsoleAccess.actor(requester),
        AuditAction.DUAL_CONTROL_WITHDRAWN,
        reference(request),
        request.getAction() + " " + request.getTarget());
    return DualControlRequestView.of(request);
  }

  /** The requests waiting for a decision that {@code viewer} may decide or asked for. */
  public List<DualControlRequestView> waiting(Operator viewer) {
    return entityManager
        .createNamedQuery(DualControlRequest.OPEN, DualControlRequest.class)
        .setParameter("now", clock.instant())
        .getResultList()
        .stream()
        .filter(request -> viewer.has(request.getAction().permission()))
        .map(DualControlRequestView::of)
        .toList();
  }

  /** Request {@code id}, decided or not, with its public result. */
  public DualControlRequestView find(Operator viewer, long id) {
    DualControlRequest request = existing(id);
    requirePermission(viewer, request.getAction(), AuditAction.DUAL_CONTROL_REQUEST_VIEWED);
    return DualControlRequestView.of(request);
  }

  private DualControlRequest open(long id) {
    DualControlRequest request = existing(id);
    // two approvers racing: the row lock lets one decide, the other then sees it decided
    entityManager.lock(request, LockModeType.PESSIMISTIC_WRITE);
    entityManager.refresh(request);
    if (!request.isOpenAt(clock.instant())) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "dualControl.notOpen",
          "request "
              + id
              + (request.getState() == DualControlRequest.State.PENDING
                  ? " expired at " + request.getExpiresAt() + " without a decision: ask again"
                  : " was already decided: it is " + request.getState()));
    }
    return request;
  }

  private DualControlRequest existing(long id) {
    DualControlRequest request = entityManager.find(DualControlRequest.class, id);
    if (request == null) {
      throw new Refusal(RefusalCode.NOT_FOUND, "dualControl.notFound", "there is no request " + id);
    }
    return request;
  }

  /** Refuses {@code step} (an audited action name) to an operator without the permission. */
  private void requirePermission(Operator operator, SupervisedAction action, AuditAction step) {
    if (!operator.has(action.permission())) {
      String detail =
          operator.getUsername()
              + " has the roles "
              + operator.getRoles()
              + "; "
              + action
              + " needs "
              + action.permission();
      auditLog.refusal(
          ConsoleAccess.actor(operator), step, action.name(), AuditOutcome.DENIED, detail);
      throw new Refusal(RefusalCode.NOT_AUTHORIZED, "access.denied", "not authorised: " + detail);
    }
  }

  /** See {@link SplitKnowledge}: the history of the target's login factors decides. */
  private void requireSplitKnowledge(DualControlRequest request, Operator approver) {
    String target = request.getTarget();
    Operator holder = request.getTargetOperator();
    SplitKnowledge.violation(
            request,
            approver,
            latestApproved(
                target,
                SupervisedAction.CREATE_OPERATOR,
                SupervisedAction.ISSUE_OPERATOR_CERTIFICATE),
            latestApproved(
                target, SupervisedAction.CREATE_OPERATOR, SupervisedAction.RESET_OPERATOR_PASSWORD),
            holder != null && holder.isMustChangePassword())
        .ifPresent(
            detail -> {
              auditLog.refusal(
                  ConsoleAccess.actor(approver),
                  AuditAction.DUAL_CONTROL_APPROVED,
                  reference(request),
                  AuditOutcome.DENIED,
                  detail);
              throw new Refusal(
                  RefusalCode.SEPARATION_OF_DUTIES, "dualControl.splitKnowledge", detail);
            });
  }

  private Optional<DualControlRequest> latestApproved(String target, SupervisedAction... actions) {
    return entityManager
        .createNamedQuery(DualControlRequest.APPROVED_FOR_TARGET, DualControlRequest.class)
        .setParameter("target", target)
        .setParameter("actions", List.of(actions))
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Audits {@code violation} as denied, and returns it to be thrown. */
  private DualControlViolation denied(
      Operator operator, AuditAction action, String target, DualControlViolation violation) {
    auditLog.refusal(
        ConsoleAccess.actor(operator), action, target, AuditOutcome.DENIED, violation.getMessage());
    return violation;
  }

  static String reference(DualControlRequest request) {
    return "request:" + request.getId();
  }

  /** The approver's note, checked here since both the console and the SOAP service pass it. */
  private static String checkedNote(String note) {
    return FormText.lines("note", note, MAX_NOTE_LENGTH, false);
  }
}
