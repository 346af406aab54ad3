package org.egovca.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit log (CPS §6.5.1.4): when, who, what, on what, and how it ended. Entries
 * are only ever inserted; no interface updates or deletes them.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  private static final int MAX_TARGET = 1024;
  private static final int MAX_DETAIL = 2048;

  @Id
  @SequenceGenerator(
      name = "audit_event_seq",
      sequenceName = "audit_event_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false, length = 256)
  private String actor;

  @Column(nullable = false, updatable = false, length = 64)
  private String action;

  @Column(updatable = false, length = MAX_TARGET)
  private String target;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private AuditOutcome outcome;

  @Column(updatable = false, length = MAX_DETAIL)
  private String detail;

  protected AuditEvent() {}

  public AuditEvent(
      Instant occurredAt,
      String actor,
      AuditAction action,
      String target,
      AuditOutcome outcome,
      String detail) {
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    this.actor = truncate(Objects.requireNonNull(actor, "actor"), 256);
    this.action = Objects.requireNonNull(action, "action").name();
    this.target = target == null ? null : truncate(target, MAX_TARGET);
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.detail = detail == null ? null : truncate(detail, MAX_DETAIL);
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getTarget() {
    return target;
  }

  public AuditOutcome getOutcome() {
    return outcome;
  }

  public String getDetail() {
    return detail;
  }
}
