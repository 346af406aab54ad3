package org.egovca.kmc.protocol;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.asn1.EntName;

/**
 * The KMC's memory of the task numbers it accepted (GM/T 0014 {@code KSRequest.taskNo}), per CA,
 * for as long as the request could pass the {@link Freshness} check: a request played again within
 * that time is refused as a replay, and after it as stale. So the window needs to hold only the
 * last 2 × maxSkew of accepted requests.
 *
 * <p>Call it after the signature has been verified, so that only the CA can add entries. The memory
 * is this process's own: a KMC running on several nodes needs the same rule in its database (a
 * unique constraint on CA and task number).
 */
public final class ReplayWindow {

  private record Task(EntName sender, BigInteger taskNo) {}

  private record Expiry(Instant at, Task task) {}

  private final Duration maxSkew;
  private final Map<Task, Instant> accepted = new HashMap<>();
  private final PriorityQueue<Expiry> expiries =
      new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));

  /**
   * A window for messages that may be {@code maxSkew} away from the receiver's clock.
   *
   * @throws IllegalArgumentException when {@code maxSkew} is negative
   */
  public ReplayWindow(Duration maxSkew) {
    if (maxSkew.isNegative()) {
      throw new IllegalArgumentException("the allowed clock skew must not be negative");
    }
    this.maxSkew = maxSkew;
  }

  /**
   * Accepts a task from {@code sender} sent at {@code messageTime}, once.
   *
   * @throws KmcProtocolException NOT_FRESH (see {@link Freshness#check}), or REPLAYED when this
   *     sender's {@code taskNo} was accepted before
   */
  public synchronized void accept(
      EntName sender, BigInteger taskNo, Instant messageTime, Instant now)
      throws KmcProtocolException {
    Freshness.check(messageTime, now, maxSkew);
    forgetExpired(now);
    Task task = new Task(sender, taskNo);
    if (accepted.containsKey(task)) {
      throw new KmcProtocolException(
          Refusal.REPLAYED, "task number " + taskNo + " was already accepted from this CA");
    }
    Instant expiry = messageTime.plus(maxSkew);
    accepted.put(task, expiry);
    expiries.add(new Expiry(expiry, task));
  }

  /** How many task numbers the window holds now; for monitoring. */
  public synchronized int size() {
    return accepted.size();
  }

  private void forgetExpired(Instant now) {
    while (!expiries.isEmpty() && expiries.peek().at().isBefore(now)) {
      accepted.remove(expiries.poll().task());
    }
  }
}
