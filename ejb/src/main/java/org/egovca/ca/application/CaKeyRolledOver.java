package org.egovca.ca.application;

import org.egovca.ca.application.port.PublishedCertificate;

/**
 * Fired inside the rollover transaction; observers act after commit: the OCSP responder reloads its
 * signing keys, the first CRL of the new key is issued and the new CA certificate is published.
 */
public record CaKeyRolledOver(
    String caName, int newKeyGeneration, PublishedCertificate newCaCertificate) {}
