package org.egovca.ca.application;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.egovca.hsm.TokenStatus;

/**
 * The last status seen of each crypto token, so that what is seen again and again (a job finding
 * the token offline every few minutes) is told once, when it changes. The first sighting of a token
 * is a change only when it is offline: active is what a running CA is expected to be. Thread-safe:
 * of two threads that see the same change, exactly one is told.
 */
final class TokenStateChanges {

  private final Map<String, TokenStatus> lastSeen = new ConcurrentHashMap<>();

  /**
   * Records that {@code token} was seen with {@code status}.
   *
   * @return the status if it is news: a change since the last sighting, or a first sighting offline
   */
  Optional<TokenStatus> seen(String token, TokenStatus status) {
    Objects.requireNonNull(status, "status");
    TokenStatus previous = lastSeen.put(Objects.requireNonNull(token, "token"), status);
    boolean news = previous == null ? status != TokenStatus.ACTIVE : previous != status;
    return news ? Optional.of(status) : Optional.empty();
  }
}
