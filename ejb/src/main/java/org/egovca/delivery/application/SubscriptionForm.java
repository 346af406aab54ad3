package org.egovca.delivery.application;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.egovca.delivery.domain.ChangeType;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.delivery.domain.ServerTrustAnchors;
import org.egovca.delivery.domain.SyncMode;

/**
 * A subscription as a form or a SOAP call gives it. The console binds its inputs to these
 * properties directly; the constraints written here name the sync mode and the business types, and
 * the subscription they make ({@link #toSubscription}) checks the rest: the endpoint and its server
 * trust anchors, the batch interval.
 */
public class SubscriptionForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String endpoint;

  /** REALTIME or BATCH, in any case. */
  @NotNull(message = "{egovSystem.syncMode}")
  @Pattern(
      regexp = "\\s*(REALTIME|BATCH)\\s*",
      flags = Pattern.Flag.CASE_INSENSITIVE,
      message = "{egovSystem.syncMode}")
  private String syncMode;

  private int batchIntervalMinutes;

  /** Business type names, in any case: those of {@link EgovSystem#SUBSCRIBABLE}. */
  @NotEmpty(message = "{egovSystem.businessTypes}")
  private List<
          @NotNull(message = "{egovSystem.businessType}")
          @Pattern(
              regexp = "\\s*(ISSUE|RENEW|REKEY|REVOKE|CRL)\\s*",
              flags = Pattern.Flag.CASE_INSENSITIVE,
              message = "{egovSystem.businessType}")
          String>
      businessTypes;

  /** The administrator's explicit allowance of an {@code http://} endpoint, for a test system. */
  private boolean allowPlainHttp;

  /**
   * PEM certificates the CA trusts for an {@code https://} endpoint's server certificate (the CA
   * that issued it, or the certificate itself).
   */
  private String serverTrustAnchors;

  public SubscriptionForm() {}

  public SubscriptionForm(
      String endpoint,
      String syncMode,
      int batchIntervalMinutes,
      List<String> businessTypes,
      boolean allowPlainHttp,
      String serverTrustAnchors) {
    this.endpoint = endpoint;
    this.syncMode = syncMode;
    this.batchIntervalMinutes = batchIntervalMinutes;
    this.businessTypes = businessTypes == null ? null : new ArrayList<>(businessTypes);
    this.allowPlainHttp = allowPlainHttp;
    this.serverTrustAnchors = serverTrustAnchors;
  }

  /**
   * The subscription of a form whose constraints hold.
   *
   * @throws IllegalArgumentException naming what is wrong with the endpoint, its trust anchors or
   *     the batch interval
   */
  public EgovSystem.Subscription toSubscription() {
    Set<ChangeType> types = EnumSet.noneOf(ChangeType.class);
    businessTypes.forEach(type -> types.add(ChangeType.valueOf(upperCase(type))));
    return new EgovSystem.Subscription(
        EgovSystem.Subscription.endpoint(endpoint),
        SyncMode.valueOf(upperCase(syncMode)),
        batchIntervalMinutes,
        types,
        allowPlainHttp,
        ServerTrustAnchors.parse(serverTrustAnchors));
  }

  private static String upperCase(String name) {
    return name.strip().toUpperCase(Locale.ROOT);
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getSyncMode() {
    return syncMode;
  }

  public void setSyncMode(String syncMode) {
    this.syncMode = syncMode;
  }

  public int getBatchIntervalMinutes() {
    return batchIntervalMinutes;
  }

  public void setBatchIntervalMinutes(int batchIntervalMinutes) {
    this.batchIntervalMinutes = batchIntervalMinutes;
  }

  public List<String> getBusinessTypes() {
    return businessTypes;
  }

  public void setBusinessTypes(List<String> businessTypes) {
    this.businessTypes = businessTypes;
  }

  public boolean isAllowPlainHttp() {
    return allowPlainHttp;
  }

  public void setAllowPlainHttp(boolean allowPlainHttp) {
    this.allowPlainHttp = allowPlainHttp;
  }

  public String getServerTrustAnchors() {
    return serverTrustAnchors;
  }

  public void setServerTrustAnchors(String serverTrustAnchors) {
    this.serverTrustAnchors = serverTrustAnchors;
  }
}
