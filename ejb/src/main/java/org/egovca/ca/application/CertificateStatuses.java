package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.SerialNumbers;
import org.egovca.ca.x509.ocsp.CertificateStatus;

/** Reads a certificate's current status for the OCSP responder. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CertificateStatuses {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  /**
   * GOOD, REVOKED (time and RFC 5280 reason) or UNKNOWN when key generation {@code keyGeneration}
   * of the CA never issued the serial.
   */
  public CertificateStatus status(String caName, int keyGeneration, BigInteger serialNumber) {
    return entityManager
        .createNamedQuery(IssuedCertificate.BY_SERIAL_AND_CA_NAME, IssuedCertificate.class)
        .setParameter("caName", caName)
        .setParameter("serial", SerialNumbers.toHex(serialNumber))
        .getResultStream()
        .filter(certificate -> certificate.getCaKeyGeneration() == keyGeneration)
        .findFirst()
        .map(
            certificate ->
                certificate.getRevokedAt() == null
                    ? CertificateStatus.GOOD
                    : CertificateStatus.revoked(
                        certificate.getRevokedAt(),
                        certificate.getRevocationReason().crlReason().orElse(null)))
        .orElse(CertificateStatus.UNKNOWN);
  }
}
