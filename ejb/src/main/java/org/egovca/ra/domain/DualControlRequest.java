package org.egovca.ra.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A supervised action one operator asked for and a second one must approve before it is carried out
 * (dual control, CPS §7.5.1.2 item 2). The request holds everything the action needs, so the
 * approver sees and approves exactly what will happen; its public result (certificates, never a
 * password) is kept with it. A request expires when nobody decided it in time.
 */
@Entity
@Table(name = "dual_control_request")
@NamedQuery(
    name = DualControlRequest.OPEN,
    query =
        "SELECT r FROM DualControlRequest r"
            + " WHERE r.state = org.egovca.ra.domain.DualControlRequest.State.PENDING"
            + " AND r.expiresAt > :now ORDER BY r.id")
@NamedQuery(
    name = DualControlRequest.APPROVED_FOR_TARGET,
    query =
        "SELECT r FROM DualControlRequest r"
            + " WHERE r.state = org.egovca.ra.domain.DualControlRequest.State.APPROVED"
            + " AND r.target = :target AND r.action IN :actions ORDER BY r.decidedAt DESC, r.id DESC")
@NamedQuery(
    name = DualControlRequest.OPEN_FOR_TARGET,
    query =
        "SELECT r FROM DualControlRequest r"
            + " WHERE r.state = org.egovca.ra.domain.DualControlRequest.State.PENDING"
            + " AND r.expiresAt > :now AND r.action = :action AND r.target = :target")
public class DualControlRequest {

  public static final String OPEN = "DualControlRequest.open";
  public static final String OPEN_FOR_TARGET = "DualControlRequest.openForTarget";
  public static final String APPROVED_FOR_TARGET = "DualControlRequest.approvedForTarget";

  /** What the approver is shown at most. */
  public static final int MAX_SUMMARY = 4096;

  /** How long a request waits for its second operator. */
  public static final Duration LIFETIME = Duration.ofHours(24);

  /**
   * How long an approved action waits for its key ceremony: a week to bring three custodians
   * together; after it, the security administrators ask again, since their reasons may be stale.
   */
  public static final Duration CEREMONY_WINDOW = Duration.ofDays(7);

  /** Where a request stands. */
  public enum State {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN
  }

  @Id
  @SequenceGenerator(
      name = "dual_control_request_seq",
      sequenceName = "dual_control_request_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dual_control_request_seq")
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private SupervisedAction action;

  /** What the action is about, e.g. {@code operator:lisi} or {@code ca:iFutureCA}. */
  @Column(nullable = false, length = 160)
  private String target;

  /** The operator the action is about, if it is about one: they may neither ask nor approve. */
  @ManyToOne
  @JoinColumn(name = "target_operator_id")
  private Operator targetOperator;

  /** What the approver is shown: the action in words. */
  @Column(nullable = false, length = MAX_SUMMARY)
  private String summary;

  /** The action's parameters (JSON), read when it is carried out. */
  @Column(nullable = false, length = 16384)
  private String parameters;

  @ManyToOne(optional = false)
  @JoinColumn(name = "requested_by", nullable = false)
  private Operator requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @ManyToOne
  @JoinColumn(name = "decided_by")
  private Operator decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_note", length = 1024)
  private String decisionNote;

  /** What the approved action produced that anyone may see again (certificates in PEM). */
  @Column(length = 16384)
  private String result;

  protected DualControlRequest() {}

  public DualControlRequest(
      SupervisedAction action,
      String target,
      Operator targetOperator,
      String summary,
      String parameters,
      Operator requestedBy,
      Instant requestedAt) {
    this.action = Objects.requireNonNull(action, "action");
    this.target = Objects.requireNonNull(target, "target");
    this.targetOperator = targetOperator;
    // never cut: the approver sees all of what will be carried out, or nothing is asked
    if (Objects.requireNonNull(summary, "summary").length() > MAX_SUMMARY) {
      throw new IllegalArgumentException(
          "the request's description is longer than " + MAX_SUMMARY + " characters: split it");
    }
    this.summary = summary;
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
    if (same(requestedBy, targetOperator)) {
      throw new DualControlViolation(
          requestedBy.getUsername() + " cannot ask for " + action + " on their own account");
    }
    this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
    this.expiresAt = requestedAt.plus(LIFETIME);
    this.state = State.PENDING;
  }

  /**
   * Records the approval of a second operator; the caller carries the action out in the same
   * transaction.
   *
   * @throws DualControlViolation when {@code approver} asked for it or is its target
   * @throws IllegalStateException when it is no longer waiting for a decision
   */
  public void approve(Operator approver, Instant now, String note) {
    decide(approver, now, note, State.APPROVED);
  }

  public void reject(Operator approver, Instant now, String note) {
    decide(approver, now, note, State.REJECTED);
  }

  /** The operator who asked takes the request back. */
  public void withdraw(Operator requester, Instant now) {
    requireOpen(now);
    if (!same(requestedBy, requester)) {
      throw new DualControlViolation(
          "only " + requestedBy.getUsername() + ", who asked for it, can withdraw request " + id);
    }
    state = State.WITHDRAWN;
    decidedBy = requester;
    decidedAt = now;
  }

  private void decide(Operator approver, Instant now, String note, State decision) {
    requireOpen(now);
    if (same(requestedBy, approver)) {
      throw new DualControlViolation(
          approver.getUsername()
              + " asked for request "
              + id
              + " and cannot also decide it: a second security administrator must (CPS 7.5.1.2,"
              + " one operates, one supervises)");
    }
    if (same(approver, targetOperator)) {
      throw new DualControlViolation(
          approver.getUsername() + " cannot decide request " + id + " about their own account");
    }
    if (decision == State.APPROVED && !requestedBy.has(action.permission())) {
      throw new DualControlViolation(
          requestedBy.getUsername()
              + ", who asked for request "
              + id
              + ", may no longer ask for it (deactivated, or given another role): reject it");
    }
    state = decision;
    decidedBy = approver;
    decidedAt = now;
    decisionNote = note;
  }

  private void requireOpen(Instant now) {
    if (state != State.PENDING) {
      throw new IllegalStateException("request " + id + " was already decided: it is " + state);
    }
    if (!now.isBefore(expiresAt)) {
      throw new IllegalStateException(
          "request " + id + " expired at " + expiresAt + " without a decision: ask again");
    }
  }

  public boolean askedBy(Operator operator) {
    return same(requestedBy, operator);
  }

  public boolean decidedBy(Operator operator) {
    return same(decidedBy, operator);
  }

  /** One account, whether loaded in this persistence context or another. */
  private static boolean same(Operator one, Operator other) {
    return one != null
        && other != null
        && (one == other || (one.getId() != null && one.getId().equals(other.getId())));
  }

  public void recordResult(String publicResult) {
    this.result = publicResult;
  }

  /** Whether the approved action waits for the key ceremony that carries it out. */
  public boolean awaitsKeyCeremony() {
    return state == State.APPROVED && action.heldInKeyCeremony() && result == null;
  }

  public boolean isOpenAt(Instant now) {
    return state == State.PENDING && now.isBefore(expiresAt);
  }

  public Long getId() {
    return id;
  }

  public SupervisedAction getAction() {
    return action;
  }

  public String getTarget() {
    return target;
  }

  public Operator getTargetOperator() {
    return targetOperator;
  }

  public String getSummary() {
    return summary;
  }

  public String getParameters() {
    return parameters;
  }

  public Operator getRequestedBy() {
    return requestedBy;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public State getState() {
    return state;
  }

  public Operator getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionNote() {
    return decisionNote;
  }

  public String getResult() {
    return result;
  }
}
