package org.egovca.ca.application;

import org.egovca.ca.domain.IssuedCrl;

/**
 * Fired inside the transaction that issued a CRL (complete or delta), after its row is persisted:
 * the delivery queues record its deliveries to the directory and to the e-gov systems in that same
 * transaction (R9, R22).
 */
public record CrlPublished(IssuedCrl crl) {}
