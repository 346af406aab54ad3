package org.egovca.kmc.server;

import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The KMC's own brake on key restoration: at most {@code limit} RestoreKeyReq envelopes per CA in
 * any {@link #WINDOW}. The CA decides who may ask (a reviewer's or two custodians' approval), but
 * the KMC trusts whatever the CA's protocol key signs; whoever takes that key, or the CA server,
 * could otherwise export every escrowed key in one burst. The budget turns that into a trickle and
 * a SEVERE line in the KMC's own log for operators to alarm on.
 *
 * <p>The count comes from key_restoration itself (every envelope is recorded there, in the
 * message's transaction), so no separate counter can drift from what was done. It is taken under a
 * per-CA lock held until that transaction ends ({@link KmcStore.Records#lockRestorationBudget}):
 * two concurrent messages cannot both see room for the last envelope.
 */
final class RestorationBudget {

  /** The rolling window the budget counts in. */
  static final Duration WINDOW = Duration.ofHours(24);

  private static final Logger LOG = Logger.getLogger(RestorationBudget.class.getName());

  private final int limit;

  RestorationBudget(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the restoration budget must allow at least 1 envelope");
    }
    this.limit = limit;
  }

  /**
   * Locks the CA's budget for the rest of the transaction and counts its restorations in the last
   * {@link #WINDOW}. When there is room, the caller records the envelope it makes in this same
   * transaction, so the next message of the CA counts it.
   *
   * @return empty when one more envelope is within the budget; else the ErrorPkgRespond's text,
   *     naming the limit and when the budget frees up (also logged SEVERE)
   */
  Optional<String> refusal(
      KmcStore.Records records, byte[] caKeyHash, BigInteger userCertNo, Instant now)
      throws SQLException {
    records.lockRestorationBudget(caKeyHash);
    Instant since = now.minus(WINDOW);
    int count = records.restorationsSince(caKeyHash, since);
    if (count < limit) {
      return Optional.empty();
    }
    // the budget frees up when enough of the counted restorations have left the window to leave
    // room for one (more than one only when the limit was lowered since they were made)
    Instant freesAt = records.restorationTime(caKeyHash, since, count - limit).plus(WINDOW);
    LOG.severe(
        () ->
            "restoration budget exhausted: CA key hash "
                + HexFormat.of().formatHex(caKeyHash)
                + " had "
                + count
                + " RestoreKeyReq envelopes in the last 24 hours, the limit is "
                + limit
                + "; refused certificate "
                + userCertNo.toString(16)
                + " (the budget frees up at "
                + freesAt
                + "). The CA's protocol key may be misused: check its key recoveries.");
    return Optional.of(
        "the KMC's restoration limit of "
            + limit
            + " envelopes per CA in 24 hours is reached ("
            + count
            + " since "
            + since
            + "); the next restoration is possible from "
            + freesAt);
  }
}
