package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.INVALID_REVOCATION;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;

/**
 * Revokes one certificate (CPS §6.1.4.8): the status change, its audit event and the event that
 * drives CRL and OCSP updates after commit are part of the caller's transaction. The other
 * certificate of a signing/encryption pair is revoked with it unless configured otherwise. Callers
 * have authorised the request.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CertificateRevoker {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;
  @Inject private Event<CertificateRevoked> revoked;
  @Inject private IssuedCertificates certificates;
  @Inject private org.egovca.ca.application.CaConfiguration configuration;

  @Inject private Clock clock;

  public IssuedCertificate revoke(
      BigInteger serialNumber,
      RevocationReason reason,
      RevocationInitiator initiator,
      String actor) {
    IssuedCertificate certificate = find(serialNumber);
    // Two revocations of one certificate racing on two servers: the row lock serialises them.
    entityManager.lock(certificate, LockModeType.PESSIMISTIC_WRITE);
    entityManager.refresh(certificate);
    try {
      certificate.revoke(clock.instant().truncatedTo(ChronoUnit.SECONDS), reason, initiator);
    } catch (IllegalStateException refused) {
      throw new Refusal(INVALID_REVOCATION, refused.getMessage());
    }
    recordRevocation(certificate, reason, initiator, actor);
    IssuedCertificate paired = certificate.getPairedCertificate();
    if (paired != null && configuration.revokePair()) {
      entityManager.lock(paired, LockModeType.PESSIMISTIC_WRITE);
      entityManager.refresh(paired);
      if (paired.isUsableAt(certificate.getRevokedAt())) {
        paired.revoke(certificate.getRevokedAt(), reason, initiator);
        recordRevocation(
            paired,
            reason,
            initiator,
            actor + " (pair of " + certificate.getSerialNumberHex() + ")");
      }
    }
    return certificate;
  }

  private void recordRevocation(
      IssuedCertificate certificate,
      RevocationReason reason,
      RevocationInitiator initiator,
      String actor) {
    auditLog.success(
        actor,
        AuditAction.CERTIFICATE_REVOKED,
        certificate.getSubjectDn(),
        "serial="
            + certificate.getSerialNumberHex()
            + " ca="
            + certificate.getIssuer().getName()
            + " reason="
            + reason.name()
            + " initiator="
            + initiator.name());
    revoked.fire(
        new CertificateRevoked(
            certificate.getIssuer().getName(),
            certificate.getCaKeyIndex(),
            certificate.getSerialNumber(),
            reason,
            certificate.getId()));
  }

  private IssuedCertificate find(BigInteger serialNumber) {
    return certificates.find(serialNumber);
  }
}
