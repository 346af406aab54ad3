package org.egovca.ca.application;

import java.util.List;
import org.egovca.ca.application.port.PublishedCertificate;

/**
 * Fired inside the rollover transaction. The delivery queues record, in that transaction, the
 * publication of the new CA certificate and of the two link certificates (NewWithOld, OldWithNew);
 * after commit the OCSP responder reloads its signing keys and the first CRL of the new key is
 * issued.
 */
public record CaKeyRolledOver(
    String caName,
    int newKeyIndex,
    PublishedCertificate newCaCertificate,
    List<PublishedCertificate> linkCertificates) {

  public CaKeyRolledOver {
    linkCertificates = List.copyOf(linkCertificates);
  }
}
