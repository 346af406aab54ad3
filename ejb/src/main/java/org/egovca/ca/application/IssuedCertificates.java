package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.UNKNOWN_CERTIFICATE;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.util.List;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.SerialNumbers;

/** Finds an issued certificate by the serial number an RA or holder quotes. */
@Stateless
public class IssuedCertificates {

  /** The console's words for a serial number that names no certificate. */
  private static final String NOT_FOUND_KEY = "certificate.notFound";

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  /**
   * The certificate with this serial number among all CAs of this system.
   *
   * @throws Refusal UNKNOWN_CERTIFICATE when none (or, improbably, several) match
   */
  public IssuedCertificate find(BigInteger serialNumber) {
    if (serialNumber == null || serialNumber.signum() <= 0) {
      throw new Refusal(
          UNKNOWN_CERTIFICATE,
          NOT_FOUND_KEY,
          "serialNumber must be a positive hexadecimal certificate serial number");
    }
    List<IssuedCertificate> matches =
        entityManager
            .createNamedQuery(IssuedCertificate.BY_SERIAL_ANY_ISSUER, IssuedCertificate.class)
            .setParameter("serial", SerialNumbers.toHex(serialNumber))
            .getResultList();
    if (matches.size() != 1) {
      throw new Refusal(
          UNKNOWN_CERTIFICATE,
          NOT_FOUND_KEY,
          matches.isEmpty()
              ? "no certificate with serial " + serialNumber.toString(16) + " was issued by this CA"
              : "serial " + serialNumber.toString(16) + " is ambiguous across this system's CAs");
    }
    return matches.get(0);
  }
}
