/**
 * The receiver's read-only JSON resources under {@code /sync-receiver/api}: what arrived, in order,
 * and what was refused. End-to-end tests check exactly-once delivery and order with them.
 */
package org.egovca.sync.receiver.api;
