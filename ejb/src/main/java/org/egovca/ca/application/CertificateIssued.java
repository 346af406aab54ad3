package org.egovca.ca.application;

import org.egovca.ca.application.port.PublishedCertificate;

/**
 * Fired inside the issuing transaction; observers that act on it after commit (publication) see
 * only certificates that really exist.
 */
public record CertificateIssued(PublishedCertificate certificate) {}
