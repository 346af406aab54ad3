package org.egovca.ra.application;

import static org.egovca.ca.application.CaRequestException.Reason.NOT_AUTHORIZED;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.egovca.ca.application.AuditActions;
import org.egovca.ca.application.AuditLog;
import org.egovca.ca.application.CaRequestException;
import org.egovca.ca.domain.AuditOutcome;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;

/**
 * Establishes which operator a TLS client certificate belongs to, for the admin SOAP service: a
 * security administrator calls it with their own login certificate, so the dual-control rules know
 * the person behind a call whichever interface they use. The certificate must be the one bound to
 * an active, unlocked account, currently valid and not revoked, and the account's role must grant
 * the permission. Anything else is refused and audited as denied access.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OperatorCredentials {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;

  private final Clock clock = Clock.systemUTC();

  /**
   * @throws CaRequestException NOT_AUTHORIZED, audited
   */
  public Operator require(byte[] clientCertificate, Permission permission, String operation) {
    if (clientCertificate == null || clientCertificate.length == 0) {
      throw denied("anonymous", operation, "no TLS client certificate was presented");
    }
    Instant now = clock.instant();
    Operator operator =
        entityManager
            .createNamedQuery(Operator.BY_CERTIFICATE_FINGERPRINT, Operator.class)
            .setParameter("fingerprint", ConsoleAccess.sha256(clientCertificate))
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    denied(
                        "anonymous",
                        operation,
                        "the client certificate is not the login certificate of an operator"));
    String who = ConsoleAccess.actor(operator);
    if (!operator.isActive()) {
      throw denied(who, operation, "the operator account is deactivated");
    }
    if (operator.isLockedAt(now)) {
      throw denied(who, operation, "the operator account is locked");
    }
    if (!operator.getCertificate().isUsableAt(now)) {
      throw denied(who, operation, "the login certificate is revoked or expired");
    }
    if (!operator.has(permission)) {
      throw denied(
          who,
          operation,
          operator.getUsername()
              + " has the roles "
              + operator.getRoles()
              + "; "
              + operation
              + " needs "
              + permission);
    }
    return operator;
  }

  private CaRequestException denied(String who, String operation, String reason) {
    auditLog.refusal(
        who, AuditActions.RA_CLIENT_AUTHENTICATION, operation, AuditOutcome.DENIED, reason);
    return new CaRequestException(NOT_AUTHORIZED, reason);
  }
}
