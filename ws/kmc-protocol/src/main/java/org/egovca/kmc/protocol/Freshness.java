package org.egovca.kmc.protocol;

import java.time.Duration;
import java.time.Instant;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;

/**
 * The freshness rule for GM/T 0014 messages: a {@code requestTime} (KMC side) or {@code
 * respondTime} (CA side) more than {@code maxSkew} away from the receiver's clock, in either
 * direction, is refused. Together with {@link ReplayWindow}, which remembers task numbers for as
 * long as a message can be fresh, a recorded message cannot be played again.
 *
 * <p>GeneralizedTime carries whole seconds, and clocks drift: a skew of a few minutes suits
 * machines kept on NTP, and no skew should be under a few seconds.
 */
public final class Freshness {

  private Freshness() {}

  /**
   * Passes when {@code messageTime} lies within {@code maxSkew} of {@code now}.
   *
   * @throws KmcProtocolException NOT_FRESH, saying whether the message is stale or from the future
   * @throws IllegalArgumentException when {@code maxSkew} is negative
   */
  public static void check(Instant messageTime, Instant now, Duration maxSkew)
      throws KmcProtocolException {
    if (maxSkew.isNegative()) {
      throw new IllegalArgumentException("the allowed clock skew must not be negative");
    }
    if (messageTime.isBefore(now.minus(maxSkew))) {
      throw new KmcProtocolException(
          Refusal.NOT_FRESH,
          "the message was sent at "
              + messageTime
              + ", more than "
              + maxSkew
              + " before now ("
              + now
              + "): too old to accept");
    }
    if (messageTime.isAfter(now.plus(maxSkew))) {
      throw new KmcProtocolException(
          Refusal.NOT_FRESH,
          "the message claims to be sent at "
              + messageTime
              + ", more than "
              + maxSkew
              + " after now ("
              + now
              + "): check the sender's clock");
    }
  }
}
