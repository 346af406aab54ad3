/**
 * The outbox (GUIDE: "leaves work for adapters in an outbox that commits with it"): {@link
 * org.egovca.delivery.domain.Delivery} items written in the transaction of the change they carry,
 * ordered per {@link org.egovca.delivery.domain.DeliveryChannel} (the directory, each e-gov
 * system), and the {@link org.egovca.delivery.domain.EgovSystem} subscriptions that decide which
 * e-gov system receives what (CPS §6.3, §7.3; R11, R19, R21–R23).
 */
package org.egovca.delivery.domain;
