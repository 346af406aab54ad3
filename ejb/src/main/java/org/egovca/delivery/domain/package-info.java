/**
 * The delivery queues (an outbox, GUIDE: "leaves work for adapters in an outbox that commits with
 * it"): each {@link org.egovca.delivery.domain.Delivery} is written in the transaction of the
 * change it carries, in order in the {@link org.egovca.delivery.domain.DeliveryQueue} of its target
 * (the directory, each e-gov system), and the {@link org.egovca.delivery.domain.EgovSystem}
 * subscriptions that decide which e-gov system receives what (CPS §6.3, §7.3; R11, R19, R21–R23).
 */
package org.egovca.delivery.domain;
