package org.egovca.ca.application;

import org.egovca.ca.application.port.PublishedCertificate;

/**
 * Fired inside the issuing transaction; observers that act on it after commit (publication) see
 * only certificates that really exist.
 *
 * @param toDirectory false when the holder declined publication in the directory (CPS 6.1.4.4.2)
 */
public record CertificateIssued(PublishedCertificate certificate, boolean toDirectory) {}
