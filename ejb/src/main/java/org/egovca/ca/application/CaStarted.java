package org.egovca.ca.application;

import java.util.List;
import org.egovca.ca.application.port.PublishedCertificate;

/**
 * Fired once at every start, when the CA hierarchy exists and before the CA reports ready: the RA
 * creates its first security administrators on a first start, and the information services queue
 * the CA certificates for the directory again (an idempotent republication). The observers run in
 * transactions of their own; one that fails stops the start.
 *
 * @param caCertificates every CA certificate, current and earlier keys
 */
public record CaStarted(List<PublishedCertificate> caCertificates) {

  public CaStarted {
    caCertificates = List.copyOf(caCertificates);
  }
}
