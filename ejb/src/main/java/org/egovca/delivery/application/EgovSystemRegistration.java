package org.egovca.delivery.application;

import java.io.Serializable;

/**
 * An e-gov system as a security administrator registers it: name, application unit, subscription
 * and the system's PKCS#10 for its query-service client certificate. Kept as it is while it waits
 * for the second administrator's approval.
 */
public record EgovSystemRegistration(
    String name, String unitCode, SubscriptionForm subscription, String certificateRequestPem)
    implements Serializable {}
