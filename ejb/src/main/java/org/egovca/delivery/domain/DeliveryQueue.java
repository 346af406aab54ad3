package org.egovca.delivery.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One ordered queue of deliveries to one target: the directory, or one e-gov system. Its deliveries
 * go out one after the other in the order they were written; after a failure the whole queue waits
 * (backoff) instead of skipping ahead, so a revocation never overtakes the issuance it follows. The
 * row is also the queue's lock: a worker claims it before delivering (see {@code DeliveryWorker}).
 */
@Entity
@Table(name = "delivery_queue")
public class DeliveryQueue {

  /** The directory queue. */
  public static final String DIRECTORY = "directory";

  private static final String EGOV_SYSTEM_PREFIX = "egov-system-";

  @Id
  @Column(length = 64)
  private String name;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(nullable = false)
  private int failures;

  protected DeliveryQueue() {}

  public DeliveryQueue(String name, Instant now) {
    this.name = Objects.requireNonNull(name, "name");
    this.nextAttemptAt = Objects.requireNonNull(now, "now");
  }

  /** The queue name of the e-gov system with {@code id}. */
  public static String ofEgovSystem(long id) {
    return EGOV_SYSTEM_PREFIX + id;
  }

  /** The e-gov system id of queue {@code name}, or null for the directory. */
  public static Long egovSystemId(String name) {
    return name.startsWith(EGOV_SYSTEM_PREFIX)
        ? Long.valueOf(name.substring(EGOV_SYSTEM_PREFIX.length()))
        : null;
  }

  /** The first item failed: wait longer each time, at most {@code longest}, then try again. */
  public void failed(Instant now, Duration longest) {
    failures++;
    nextAttemptAt = now.plus(Backoff.after(failures, longest));
  }

  /** Every item delivered; {@code pause} is the wait until the next batch (zero: real time). */
  public void drained(Instant now, Duration pause) {
    failures = 0;
    nextAttemptAt = now.plus(pause);
  }

  /** An operator asked for a retry now. */
  public void retryNow(Instant now) {
    nextAttemptAt = now;
  }

  public String getName() {
    return name;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public int getFailures() {
    return failures;
  }
}
