package org.egovca.sync.receiver;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.egovca.sync.SyncFaultCode;

/**
 * The most recent rejected delivery attempts, in memory: enough for an integrator or a test to see
 * what was refused and why. Received identifiers are shortened and stripped of control characters,
 * since they may come from anyone.
 */
public final class RejectionLog {

  private static final int KEPT = 1000;
  private static final int MAX_IDENTIFIER = 80;

  private final Deque<Rejection> recent = new ArrayDeque<>();

  /**
   * Keeps a rejection, dropping the oldest beyond the last {@value #KEPT}; returns what it kept.
   */
  public synchronized Rejection record(
      String operation, String messageId, String caName, SyncFaultCode code, String message) {
    if (recent.size() == KEPT) {
      recent.removeFirst();
    }
    Rejection rejection =
        new Rejection(
            Instant.now(), operation, shortened(messageId), shortened(caName), code, message);
    recent.addLast(rejection);
    return rejection;
  }

  /** The kept rejections, oldest first. */
  public synchronized List<Rejection> rejections() {
    return List.copyOf(recent);
  }

  private static String shortened(String received) {
    if (received == null) {
      return null;
    }
    String printable = received.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= MAX_IDENTIFIER
        ? printable
        : printable.substring(0, MAX_IDENTIFIER);
  }
}
