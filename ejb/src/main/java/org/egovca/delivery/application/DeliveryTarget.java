package org.egovca.delivery.application;

import org.egovca.delivery.domain.Delivery;

/**
 * Where one queue's deliveries go: the port a worker delivers through; the adapters (the directory,
 * the e-gov systems' sync interface) are in {@code delivery.infrastructure}. A worker opens a
 * session for each run over a queue and delivers the queue's deliveries in order through it; a
 * session may keep what is costly to set up (a signer) for the run, and is used by one thread.
 */
public interface DeliveryTarget {

  /** A session for one run over the queue. */
  Session open();

  /** Delivers items one after the other; never throws for a delivery that failed. */
  interface Session extends AutoCloseable {

    /** Delivers {@code item} in the latest state of what it carries. */
    Outcome deliver(Delivery item);

    @Override
    void close();
  }

  /**
   * @param delivered true when the target took the item (or already had it)
   * @param detail what happened, in an operator's words; never a secret
   */
  record Outcome(boolean delivered, String detail) {

    public static Outcome ok(String detail) {
      return new Outcome(true, detail);
    }

    public static Outcome failed(String detail) {
      return new Outcome(false, detail);
    }
  }
}
