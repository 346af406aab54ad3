package org.egovca.delivery.application;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.egovca.delivery.domain.BusinessType;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.delivery.domain.ServerTrustAnchors;
import org.egovca.delivery.domain.SyncMode;

/**
 * A subscription as a form or a SOAP call gives it, before it is checked.
 *
 * @param mode REALTIME or BATCH
 * @param events business type names (ISSUE, RENEW, REKEY, REVOKE, CRL)
 * @param allowPlainHttp the administrator's explicit allowance of an {@code http://} endpoint, for
 *     a test system
 * @param serverTrustAnchors PEM certificates the CA trusts for an {@code https://} endpoint's
 *     server certificate (the CA that issued it, or the certificate itself)
 */
public record SubscriptionForm(
    String endpoint,
    String mode,
    int batchIntervalMinutes,
    List<String> events,
    boolean allowPlainHttp,
    String serverTrustAnchors)
    implements Serializable {

  /**
   * @throws IllegalArgumentException naming what is wrong
   */
  public EgovSystem.Subscription toSubscription() {
    SyncMode syncMode;
    try {
      syncMode = SyncMode.valueOf(String.valueOf(mode).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the delivery mode must be REALTIME or BATCH", e);
    }
    Set<BusinessType> types = EnumSet.noneOf(BusinessType.class);
    for (String event : events == null ? List.<String>of() : events) {
      try {
        types.add(BusinessType.valueOf(String.valueOf(event).trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown business type '" + event + "': choose among " + EgovSystem.SUBSCRIBABLE, e);
      }
    }
    return new EgovSystem.Subscription(
        EgovSystem.Subscription.endpoint(endpoint),
        syncMode,
        batchIntervalMinutes,
        types,
        allowPlainHttp,
        ServerTrustAnchors.parse(serverTrustAnchors));
  }
}
