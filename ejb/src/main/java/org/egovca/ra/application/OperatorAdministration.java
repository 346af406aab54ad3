package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.Permission;
import org.egovca.ra.domain.SupervisedAction;

/**
 * The security administrator's work on operator accounts in the console (CPS §7.5.1.2). Whatever
 * could take an account over — a new account, another role, a new login certificate, a one-time
 * password — is only asked for here and carried out when a second security administrator approves
 * it ({@link DualControl}); nobody asks for it on their own account. Unlocking and deactivating,
 * which give nobody access, take one administrator.
 */
@Stateless
public class OperatorAdministration {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private ConsoleAccess access;
  @Inject private AuditLog auditLog;
  @Inject private ApplicationUnitRegistry applicationUnits;
  @Inject private OperatorAccounts accounts;
  @Inject private DualControl dualControl;

  @Inject private Clock clock;

  public List<OperatorView> operators(String token) {
    access.require(token, Permission.MANAGE_OPERATORS, AuditAction.OPERATORS_LISTED, null);
    Instant now = clock.instant();
    return entityManager.createNamedQuery(Operator.ALL, Operator.class).getResultList().stream()
        .map(operator -> OperatorView.of(operator, now))
        .toList();
  }

  public List<ApplicationUnitView> units(String token) {
    access.require(token, Permission.MANAGE_OPERATORS, AuditAction.APPLICATION_UNITS_LISTED, null);
    return allUnits(entityManager);
  }

  static List<ApplicationUnitView> allUnits(EntityManager entityManager) {
    return entityManager
        .createNamedQuery(ApplicationUnit.ALL, ApplicationUnit.class)
        .getResultList()
        .stream()
        .map(ApplicationUnitView::of)
        .toList();
  }

  public void createUnit(String token, String code, String name) {
    Operator admin =
        access.require(
            token, Permission.MANAGE_OPERATORS, AuditAction.APPLICATION_UNIT_CREATED, code);
    applicationUnits.create(code, name, ConsoleAccess.actor(admin));
  }

  /** Asks for a new operator account; a second security administrator approves it. */
  public DualControlRequestView requestOperator(String token, NewOperator form) {
    Operator admin =
        access.require(
            token,
            Permission.MANAGE_OPERATORS,
            AuditAction.OPERATOR_CREATED,
            form == null ? null : form.getUsername());
    NewOperator checked = accounts.checked(form);
    return dualControl.request(
        admin,
        SupervisedAction.CREATE_OPERATOR,
        OperatorAccounts.target(checked.getUsername()),
        null,
        "new operator "
            + checked.getUsername()
            + " ("
            + checked.getDisplayName()
            + ") with the role "
            + checked.getRole()
            + (checked.getApplicationUnit() == null
                ? ""
                : " of unit " + checked.getApplicationUnit())
            + ", login key "
            + accounts.keyFingerprint(checked.getCertificateRequestPem()),
        checked);
  }

  /** Asks for another role for {@code username}. */
  public DualControlRequestView requestRoleChange(
      String token, String username, OperatorRole role, String applicationUnit) {
    Operator admin =
        access.require(token, Permission.MANAGE_OPERATORS, AuditAction.OPERATOR_CHANGED, username);
    OperatorAccounts.RoleChange change =
        new OperatorAccounts.RoleChange(username, role, applicationUnit);
    Operator operator = accounts.checked(change);
    return dualControl.request(
        admin,
        SupervisedAction.CHANGE_OPERATOR_ROLE,
        OperatorAccounts.target(operator.getUsername()),
        operator,
        "role of "
            + operator.getUsername()
            + ": "
            + operator.getRoles()
            + " -> "
            + role
            + (applicationUnit == null || applicationUnit.isBlank()
                ? ""
                : " of unit " + applicationUnit),
        new OperatorAccounts.RoleChange(operator.getUsername(), role, applicationUnit));
  }

  /** Asks for a one-time password for {@code username}; the approver hands it over. */
  public DualControlRequestView requestPasswordReset(String token, String username) {
    Operator admin =
        access.require(token, Permission.MANAGE_OPERATORS, AuditAction.OPERATOR_CHANGED, username);
    Operator operator = accounts.existing(username);
    return dualControl.request(
        admin,
        SupervisedAction.RESET_OPERATOR_PASSWORD,
        OperatorAccounts.target(operator.getUsername()),
        operator,
        "one-time password for " + operator.getUsername(),
        new OperatorAccounts.PasswordReset(operator.getUsername()));
  }

  /** Asks for a new login certificate for {@code username}, for their request. */
  public DualControlRequestView requestCertificate(
      String token, String username, String certificateRequestPem) {
    Operator admin =
        access.require(
            token, Permission.MANAGE_OPERATORS, AuditAction.OPERATOR_CERTIFICATE_ISSUED, username);
    OperatorAccounts.CertificateRequest request =
        new OperatorAccounts.CertificateRequest(username, certificateRequestPem);
    Operator operator = accounts.checked(request);
    return dualControl.request(
        admin,
        SupervisedAction.ISSUE_OPERATOR_CERTIFICATE,
        OperatorAccounts.target(operator.getUsername()),
        operator,
        "new login certificate for "
            + operator.getUsername()
            + " (the current one is revoked as superseded), login key "
            + accounts.keyFingerprint(certificateRequestPem),
        new OperatorAccounts.CertificateRequest(operator.getUsername(), certificateRequestPem));
  }

  /**
   * Lifts an operator's lockout after wrong passwords. Never a key custodian's, locked after wrong
   * share PINs: a security administrator hosting ceremonies could otherwise guess a custodian's PIN
   * without end, unlocking between tries; their lockout ends by itself (CPS §7.5.1.2 item 2).
   */
  public void unlock(String token, String username) {
    Operator admin =
        access.require(token, Permission.MANAGE_OPERATORS, AuditAction.OPERATOR_CHANGED, username);
    Operator operator = accounts.existing(username);
    if (operator.getRoles().contains(OperatorRole.KEY_CUSTODIAN)) {
      String detail =
          username
              + " is a key custodian: a lockout after wrong share PINs ends by itself after "
              + Operator.LOCKOUT.toMinutes()
              + " minutes, and no administrator shortens it";
      auditLog.refusal(
          ConsoleAccess.actor(admin),
          AuditAction.OPERATOR_CHANGED,
          OperatorAccounts.target(username),
          AuditOutcome.DENIED,
          detail);
      throw new Refusal(RefusalCode.NOT_AUTHORIZED, detail);
    }
    operator.unlock();
    auditLog.success(
        ConsoleAccess.actor(admin),
        AuditAction.OPERATOR_CHANGED,
        OperatorAccounts.target(username),
        "unlocked");
  }

  /** Deactivates the account and revokes its login certificate; never one's own. */
  public void deactivate(String token, String username) {
    Operator admin =
        access.require(token, Permission.MANAGE_OPERATORS, AuditAction.OPERATOR_CHANGED, username);
    Operator operator = accounts.existing(username);
    if (operator == admin) {
      throw Refusal.invalid(
          "username", "operator.self", "a security administrator cannot deactivate themselves");
    }
    accounts.deactivate(operator, ConsoleAccess.actor(admin));
  }
}
