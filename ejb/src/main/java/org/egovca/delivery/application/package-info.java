/**
 * Use cases of the delivery queues: recording deliveries in the transaction of each change ({@link
 * org.egovca.delivery.application.DeliveryQueues}), delivering them in order after commit ({@link
 * org.egovca.delivery.application.DeliveryWorker}, {@link
 * org.egovca.delivery.application.DeliveryScheduler}) to the directory and to the e-gov systems,
 * the operators' view of the queues, the e-gov systems' subscriptions and their query service.
 */
package org.egovca.delivery.application;
