package org.egovca.ca.application;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.egovca.ca.application.port.PublishedCertificate;
import org.egovca.ca.domain.CaRevocationReason;

/**
 * Fired inside the transaction in which the root revoked a subordinate CA's certificates ({@link
 * CaCertificateRevocation}), after the root's new CRLs were issued: the delivery queues record, in
 * that transaction, the withdrawal of the CA's certificates from the directory; after commit the
 * OCSP responder forgets its cached answers for them.
 *
 * @param caName the revoked CA
 * @param issuerName its parent, which revoked it and answers for its certificates
 * @param revokedSerials the serial numbers of the certificates the parent issued to it
 * @param caCertificates every certificate of the CA the directory may hold: those the parent issued
 *     and the link certificates of its key rollovers
 */
public record CaCertificateRevoked(
    String caName,
    String issuerName,
    List<BigInteger> revokedSerials,
    CaRevocationReason reason,
    Instant revokedAt,
    List<PublishedCertificate> caCertificates) {

  public CaCertificateRevoked {
    revokedSerials = List.copyOf(revokedSerials);
    caCertificates = List.copyOf(caCertificates);
  }
}
