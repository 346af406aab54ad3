package org.egovca.ca.application;

import org.egovca.ca.domain.IssuedCertificate;

/**
 * Fired inside the issuing transaction, after the certificate row is persisted with its {@link
 * org.egovca.ca.domain.IssuanceTerms}: the delivery queues record its deliveries in that same
 * transaction.
 */
public record CertificateIssued(IssuedCertificate certificate) {}
