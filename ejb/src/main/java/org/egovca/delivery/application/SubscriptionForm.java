package org.egovca.delivery.application;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.egovca.delivery.domain.ChangeType;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.delivery.domain.ServerTrustAnchors;
import org.egovca.delivery.domain.SyncMode;

/**
 * A subscription as a form or a SOAP call gives it, before it is checked.
 *
 * @param syncMode REALTIME or BATCH
 * @param businessTypes business type names (ISSUE, RENEW, REKEY, REVOKE, CRL)
 * @param allowPlainHttp the administrator's explicit allowance of an {@code http://} endpoint, for
 *     a test system
 * @param serverTrustAnchors PEM certificates the CA trusts for an {@code https://} endpoint's
 *     server certificate (the CA that issued it, or the certificate itself)
 */
public record SubscriptionForm(
    String endpoint,
    String syncMode,
    int batchIntervalMinutes,
    List<String> businessTypes,
    boolean allowPlainHttp,
    String serverTrustAnchors)
    implements Serializable {

  /**
   * @throws IllegalArgumentException naming what is wrong
   */
  public EgovSystem.Subscription toSubscription() {
    SyncMode mode;
    try {
      mode = SyncMode.valueOf(String.valueOf(syncMode).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the sync mode must be REALTIME or BATCH", e);
    }
    Set<ChangeType> types = EnumSet.noneOf(ChangeType.class);
    for (String event : businessTypes == null ? List.<String>of() : businessTypes) {
      try {
        types.add(ChangeType.valueOf(String.valueOf(event).trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown business type '" + event + "': choose among " + EgovSystem.SUBSCRIBABLE, e);
      }
    }
    return new EgovSystem.Subscription(
        EgovSystem.Subscription.endpoint(endpoint),
        mode,
        batchIntervalMinutes,
        types,
        allowPlainHttp,
        ServerTrustAnchors.parse(serverTrustAnchors));
  }
}
