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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in an application's history: who did what, when, and the state it left. */
@Entity
@Table(name = "application_event")
public class ApplicationEvent {

  @Id
  @SequenceGenerator(
      name = "application_event_seq",
      sequenceName = "application_event_seq",
      allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_event_seq")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "application_id", nullable = false)
  private Application application;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 32)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private ApplicationAction action;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ApplicationState state;

  @Column(length = 1024)
  private String note;

  protected ApplicationEvent() {}

  ApplicationEvent(
      Application application, Instant at, String actor, ApplicationAction action, String note) {
    this.application = application;
    this.occurredAt = at;
    this.actor = actor;
    this.action = action;
    this.state = application.getState();
    this.note = note;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public ApplicationAction getAction() {
    return action;
  }

  public ApplicationState getState() {
    return state;
  }

  public String getNote() {
    return note;
  }
}
