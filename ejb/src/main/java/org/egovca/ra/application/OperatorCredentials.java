package org.egovca.ra.application;

import static org.egovca.ca.domain.RefusalCode.NOT_AUTHORIZED;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.PasswordHash;
import org.egovca.ra.domain.Permission;

/**
 * Establishes which operator calls the admin SOAP service, with both factors of an operator login
 * (CPS §6.5.2.5), as the console does: the login certificate of the TLS handshake, bound to an
 * active, unlocked account, valid and not revoked, and that account's user name and password. A
 * wrong password counts towards the lockout; a one-time password must be replaced first. So the
 * dual-control rules know the person behind a call whichever interface they use, and a login
 * certificate alone — or a copy of its file — opens nothing. Anything else is refused and audited
 * as denied access.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OperatorCredentials {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;
  @Inject private PasswordChecks passwords;

  @Inject private Clock clock;

  /**
   * The operator, if both factors are theirs and their role grants {@code permission}.
   *
   * @throws Refusal NOT_AUTHORIZED, audited
   */
  public Operator require(AdminCredentials credentials, Permission permission, String operation) {
    Operator operator = authenticate(credentials, operation);
    String who = ConsoleAccess.actor(operator);
    if (operator.isMustChangePassword()) {
      throw denied(
          who,
          operation,
          "the password is a one-time password: replace it first (CaAdminService.changePassword"
              + " or the RA console)");
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

  /**
   * The operator, if both factors are theirs, whatever their role and even with a one-time
   * password: to replace that password.
   */
  public Operator authenticate(AdminCredentials credentials, String operation) {
    try {
      byte[] certificate = credentials.clientCertificate();
      if (certificate == null || certificate.length == 0) {
        throw denied("anonymous", operation, "no TLS client certificate was presented");
      }
      Instant now = clock.instant();
      Operator operator =
          entityManager
              .createNamedQuery(Operator.BY_CERTIFICATE_FINGERPRINT, Operator.class)
              .setParameter("fingerprint", ConsoleAccess.sha256(certificate))
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
      if (!operator.getCertificate().isUsableAt(now)) {
        throw denied(who, operation, "the login certificate is revoked or expired");
      }
      if (credentials.username() == null || credentials.password() == null) {
        throw denied(
            who,
            operation,
            "no user name and password were given: send them with HTTP basic authentication,"
                + " with the login certificate");
      }
      if (!operator.getUsername().equals(credentials.username())) {
        throw denied(who, operation, "the user name is not the one of the login certificate");
      }
      if (operator.isLockedAt(now)) {
        throw denied(who, operation, "the operator account is locked");
      }
      if (!passwords.matches(operator.getId(), credentials.password(), "admin SOAP service")) {
        throw denied(who, operation, "wrong password");
      }
      // the password check committed on its own: read what it wrote
      entityManager.refresh(operator);
      return operator;
    } finally {
      credentials.wipe();
    }
  }

  /**
   * Replaces the caller's password after checking both factors (the current password included) and
   * the rules of CPS §6.5.2.4: how a one-time password is replaced without the console.
   *
   * @throws Refusal naming every broken rule
   */
  public void changePassword(AdminCredentials credentials, char[] newPassword) {
    char[] current = credentials.password() == null ? null : credentials.password().clone();
    try {
      Operator operator = authenticate(credentials, "changePassword");
      OperatorSessions.requireAcceptable(
          newPassword, operator.getUsername(), operator.getDisplayName());
      if (java.util.Arrays.equals(current, newPassword)) {
        throw Refusal.invalid(
            "newPassword", "password.unchanged", "the new password must differ from the current");
      }
      operator.changePassword(PasswordHash.of(newPassword), clock.instant());
      String who = ConsoleAccess.actor(operator);
      auditLog.success(who, AuditAction.OPERATOR_PASSWORD_CHANGED, who, "admin SOAP service");
    } finally {
      if (current != null) {
        java.util.Arrays.fill(current, '\0');
      }
      if (newPassword != null) {
        java.util.Arrays.fill(newPassword, '\0');
      }
    }
  }

  private Refusal denied(String who, String operation, String reason) {
    auditLog.refusal(
        who, AuditAction.OPERATOR_AUTHENTICATION, operation, AuditOutcome.DENIED, reason);
    return new Refusal(NOT_AUTHORIZED, reason);
  }
}
