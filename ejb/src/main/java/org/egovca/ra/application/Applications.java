package org.egovca.ra.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.application.CertificateProfileCatalogue;
import org.egovca.ca.application.IssuedCertificates;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.SerialNumbers;
import org.egovca.ra.domain.Application;

/**
 * The applications and certificates the entry and the review of applications both look up, in the
 * caller's transaction, with the RA's refusals when one is missing or out of reach.
 */
@Dependent
class Applications {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private IssuedCertificates issuedCertificates;

  Application find(long id) {
    Application application = entityManager.find(Application.class, id);
    if (application == null) {
      throw new Refusal(
          RefusalCode.NOT_FOUND,
          "application.notFound",
          "no application " + Application.reference(id));
    }
    return application;
  }

  /** The application a certificate was issued for, if it came through the console. */
  Application originOf(IssuedCertificate certificate) {
    return entityManager
        .createQuery(
            "SELECT a FROM Application a WHERE a.certificate = :c OR a.encryptionCertificate = :c"
                + " ORDER BY a.id DESC",
            Application.class)
        .setParameter("c", certificate)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /**
   * The certificate {@code serialNumber} if it is a holder's: this system's own service, operator
   * and CA certificates are never the object of an application or a forced revocation — they change
   * only through the security administrators' dual-controlled operations.
   */
  IssuedCertificate holderCertificate(String serialNumber, String actor, AuditAction action) {
    IssuedCertificate target = certificate(serialNumber);
    if (!profiles.require(target.getProfile()).type().isHolderCertificate()) {
      String detail =
          "certificate "
              + target.getSerialNumberHex()
              + " is one of this system's own ("
              + target.getProfile()
              + "): service, operator and CA certificates change only through the security"
              + " administrators' dual-controlled operations";
      auditLog.refusal(
          actor, action, "serial=" + target.getSerialNumberHex(), AuditOutcome.DENIED, detail);
      throw new Refusal(RefusalCode.NOT_AUTHORIZED, "certificate.service", detail);
    }
    return target;
  }

  private IssuedCertificate certificate(String serialNumber) {
    BigInteger parsed = SerialNumbers.parse(serialNumber);
    if (parsed == null) {
      throw Refusal.invalid(
          "serialNumber",
          "certificate.serial",
          "give the certificate's serial number in hexadecimal");
    }
    return issuedCertificates.find(parsed);
  }

  static Refusal wrongState(Application application) {
    return new Refusal(
        RefusalCode.WRONG_STATE,
        "application.alreadyDecided",
        "application "
            + application.reference()
            + " was already decided: it is "
            + application.getState());
  }
}
