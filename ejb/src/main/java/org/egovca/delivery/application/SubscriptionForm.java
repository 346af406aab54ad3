package org.egovca.delivery.application;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.egovca.delivery.domain.BusinessType;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.delivery.domain.SyncMode;

/**
 * A subscription as a form or a SOAP call gives it, before it is checked.
 *
 * @param mode REALTIME or BATCH
 * @param events business type names (ISSUE, RENEW, REKEY, REVOKE, CRL)
 */
public record SubscriptionForm(
    String endpoint, String mode, int batchIntervalMinutes, List<String> events)
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
        EgovSystem.Subscription.endpoint(endpoint), syncMode, batchIntervalMinutes, types);
  }
}
