package org.egovca.delivery.application;

import java.io.Serializable;

/**
 * An e-gov system as a security administrator registers it: name, application unit, subscription
 * and the system's PKCS#10 for its query-service client certificate. The console binds its inputs
 * to these properties (and the subscription's) directly. Kept as JSON while it waits for the second
 * administrator's approval ({@code ra.application.ActionParameters}), under these property names.
 */
public class EgovSystemRegistration implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The system's name, under the rule of {@link org.egovca.delivery.domain.EgovSystem}. */
  private String name;

  private String unitCode;

  private SubscriptionForm subscription = new SubscriptionForm();

  private String certificateRequestPem;

  public EgovSystemRegistration() {}

  public EgovSystemRegistration(
      String name, String unitCode, SubscriptionForm subscription, String certificateRequestPem) {
    this.name = name;
    this.unitCode = unitCode;
    this.subscription = subscription;
    this.certificateRequestPem = certificateRequestPem;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public void setUnitCode(String unitCode) {
    this.unitCode = unitCode;
  }

  public SubscriptionForm getSubscription() {
    return subscription;
  }

  public void setSubscription(SubscriptionForm subscription) {
    this.subscription = subscription;
  }

  public String getCertificateRequestPem() {
    return certificateRequestPem;
  }

  public void setCertificateRequestPem(String certificateRequestPem) {
    this.certificateRequestPem = certificateRequestPem;
  }
}
