package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.SerialNumbers;
import org.egovca.ca.x509.ocsp.OcspCertStatus;

/**
 * Reads a certificate's current status for the OCSP responder: a holder certificate's from its
 * record, else a CA certificate's that this CA key issued to a subordinate CA ({@link
 * SubordinateCaCertificates}), so the root answers for the issuing CA's certificate.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CertificateStatuses {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private SubordinateCaCertificates caCertificates;

  /**
   * GOOD, REVOKED (time and RFC 5280 reason) or UNKNOWN when key {@code keyIndex} of the CA never
   * issued the serial, to a holder or to a subordinate CA.
   */
  public OcspCertStatus status(String caName, int keyIndex, BigInteger serialNumber) {
    return entityManager
        .createNamedQuery(IssuedCertificate.BY_SERIAL_AND_CA_NAME, IssuedCertificate.class)
        .setParameter("caName", caName)
        .setParameter("serial", SerialNumbers.toHex(serialNumber))
        .getResultStream()
        .filter(certificate -> certificate.getCaKeyIndex() == keyIndex)
        .findFirst()
        .map(
            certificate ->
                certificate.getRevokedAt() == null
                    ? OcspCertStatus.GOOD
                    : OcspCertStatus.revoked(
                        certificate.getRevokedAt(),
                        certificate.getRevocationReason().crlReason().orElse(null)))
        .or(() -> caCertificates.status(caName, keyIndex, serialNumber))
        .orElse(OcspCertStatus.UNKNOWN);
  }
}
