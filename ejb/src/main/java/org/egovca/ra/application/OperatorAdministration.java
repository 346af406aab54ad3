package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.egovca.ca.application.AuditActions;
import org.egovca.ca.application.AuditLog;
import org.egovca.ca.application.CertificateRevoker;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ra.domain.ApplicationUnit;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.PasswordHash;
import org.egovca.ra.domain.Permission;
import org.egovca.ra.domain.RoleConflicts;

/**
 * The security administrator's work (CPS §7.5.1.2): operator accounts, their roles (never a
 * conflicting set), login certificates, one-time passwords, lockouts, and the application units.
 */
@Stateless
public class OperatorAdministration {

  private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private ConsoleAccess access;
  @Inject private AuditLog auditLog;
  @Inject private ApplicationUnitRegistry applicationUnits;
  @Inject private OperatorCertificates certificates;
  @Inject private CertificateRevoker revoker;

  private final Clock clock = Clock.systemUTC();

  public List<OperatorView> operators(String token) {
    access.require(token, Permission.MANAGE_OPERATORS, "listOperators", null);
    Instant now = clock.instant();
    return entityManager.createNamedQuery(Operator.ALL, Operator.class).getResultList().stream()
        .map(operator -> OperatorView.of(operator, now))
        .toList();
  }

  public List<ApplicationUnitView> units(String token) {
    access.require(token, Permission.MANAGE_OPERATORS, "listApplicationUnits", null);
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
        access.require(token, Permission.MANAGE_OPERATORS, "createApplicationUnit", code);
    applicationUnits.create(code, name, ConsoleAccess.actor(admin));
  }

  /**
   * Creates an operator account with a one-time password and a login certificate for the request
   * the operator made on their own device.
   */
  public NewOperatorCredential createOperator(String token, NewOperator form) {
    Operator admin =
        access.require(token, Permission.MANAGE_OPERATORS, "createOperator", form.username());
    String[] text = new String[3];
    ApplicationUnit[] unit = new ApplicationUnit[1];
    Set<OperatorRole> roles = roles(form.roles());
    FormText.all(
        List.of(
            () -> text[0] = username(form.username()),
            () -> text[1] = FormText.text("displayName", form.displayName(), 64, true),
            () -> text[2] = FormText.email("email", form.email(), false),
            () -> unit[0] = unitFor(roles, form.applicationUnit()),
            () -> requireCompatible(roles),
            () -> FormText.lines("certificateRequest", form.certificateRequestPem(), 8192, true)));
    if (operator(text[0]) != null) {
      throw RaRefusal.invalid(
          "username", "operator.exists", "an operator with the user name " + text[0] + " exists");
    }
    char[] oneTimePassword = OneTimePasswords.create(text[0], text[1]);
    String actor = ConsoleAccess.actor(admin);
    Instant now = clock.instant();
    Operator operator =
        new Operator(
            text[0],
            text[1],
            text[2],
            roles,
            unit[0],
            PasswordHash.of(oneTimePassword),
            actor,
            now);
    IssuedCertificate certificate =
        certificates.issue(text[0], form.certificateRequestPem(), actor);
    operator.bindCertificate(certificate);
    entityManager.persist(operator);
    auditLog.success(
        actor,
        AuditActions.OPERATOR_CREATED,
        "operator:" + text[0],
        "roles " + roles + (unit[0] == null ? "" : " of unit " + unit[0].getCode()));
    auditLog.success(
        actor,
        AuditActions.OPERATOR_CERTIFICATE_ISSUED,
        "operator:" + text[0],
        "serial=" + certificate.getSerialNumberHex());
    return new NewOperatorCredential(
        text[0],
        new String(oneTimePassword),
        org.egovca.ca.x509.PemCertificates.of(
            certificate.getEncoded(), certificates.tlsCaCertificate()));
  }

  public void changeRoles(
      String token, String username, Set<OperatorRole> newRoles, String applicationUnit) {
    Operator admin =
        access.require(token, Permission.MANAGE_OPERATORS, "changeOperatorRoles", username);
    Operator operator = existing(username);
    Set<OperatorRole> roles = roles(newRoles);
    requireCompatible(roles);
    ApplicationUnit unit = unitFor(roles, applicationUnit);
    Set<OperatorRole> before = operator.getRoles();
    operator.assignRoles(roles, unit);
    auditLog.success(
        ConsoleAccess.actor(admin),
        AuditActions.OPERATOR_CHANGED,
        "operator:" + username,
        "roles " + before + " -> " + roles);
  }

  public void unlock(String token, String username) {
    Operator admin = access.require(token, Permission.MANAGE_OPERATORS, "unlockOperator", username);
    existing(username).unlock();
    auditLog.success(
        ConsoleAccess.actor(admin),
        AuditActions.OPERATOR_CHANGED,
        "operator:" + username,
        "unlocked");
  }

  /** Sets a new one-time password, returned once; the operator must replace it at login. */
  public String resetPassword(String token, String username) {
    Operator admin =
        access.require(token, Permission.MANAGE_OPERATORS, "resetOperatorPassword", username);
    Operator operator = existing(username);
    char[] oneTimePassword = OneTimePasswords.create(username, operator.getDisplayName());
    operator.resetPassword(PasswordHash.of(oneTimePassword), clock.instant());
    auditLog.success(
        ConsoleAccess.actor(admin),
        AuditActions.OPERATOR_CHANGED,
        "operator:" + username,
        "one-time password set");
    return new String(oneTimePassword);
  }

  /** Deactivates the account and revokes its login certificate (the account's end, CPS §6.5.3). */
  public void deactivate(String token, String username) {
    Operator admin =
        access.require(token, Permission.MANAGE_OPERATORS, "deactivateOperator", username);
    Operator operator = existing(username);
    if (operator == admin) {
      throw RaRefusal.invalid(
          "username", "operator.self", "a security administrator cannot deactivate themselves");
    }
    operator.deactivate();
    revokeLoginCertificate(
        operator, RevocationReason.A_AFFILIATION_CHANGED, ConsoleAccess.actor(admin));
    auditLog.success(
        ConsoleAccess.actor(admin),
        AuditActions.OPERATOR_CHANGED,
        "operator:" + username,
        "deactivated");
  }

  /** Issues a new login certificate; the previous one is revoked as superseded. */
  public String issueCertificate(String token, String username, String certificateRequestPem) {
    Operator admin =
        access.require(token, Permission.MANAGE_OPERATORS, "issueOperatorCertificate", username);
    Operator operator = existing(username);
    String actor = ConsoleAccess.actor(admin);
    FormText.lines("certificateRequest", certificateRequestPem, 8192, true);
    revokeLoginCertificate(operator, RevocationReason.SUPERSEDED, actor);
    operator.bindCertificate(null);
    entityManager.flush();
    IssuedCertificate certificate = certificates.issue(username, certificateRequestPem, actor);
    operator.bindCertificate(certificate);
    auditLog.success(
        actor,
        AuditActions.OPERATOR_CERTIFICATE_ISSUED,
        "operator:" + username,
        "serial=" + certificate.getSerialNumberHex());
    return org.egovca.ca.x509.PemCertificates.of(
        certificate.getEncoded(), certificates.tlsCaCertificate());
  }

  private void revokeLoginCertificate(Operator operator, RevocationReason reason, String actor) {
    IssuedCertificate current = operator.getCertificate();
    if (current != null
        && current.getStatus() == CertificateStatus.VALID
        && current.isUsableAt(clock.instant())) {
      revoker.revoke(current.getSerialNumber(), reason, RevocationInitiator.CA, actor);
    }
  }

  private static Set<OperatorRole> roles(Set<OperatorRole> roles) {
    return roles == null || roles.isEmpty()
        ? EnumSet.noneOf(OperatorRole.class)
        : EnumSet.copyOf(roles);
  }

  private static void requireCompatible(Set<OperatorRole> roles) {
    RoleConflicts.conflictIn(roles)
        .ifPresent(
            conflict -> {
              throw new RaRefusal(
                  RaRefusal.Reason.SEPARATION_OF_DUTIES,
                  List.of(new RaRefusal.Problem("roles", "roles.conflict", conflict)));
            });
  }

  private ApplicationUnit unitFor(Set<OperatorRole> roles, String code) {
    String given = code == null || code.isBlank() ? null : code.strip();
    if (!roles.contains(OperatorRole.UNIT_ADMIN)) {
      if (given != null) {
        throw RaRefusal.invalid(
            "applicationUnit", "unit.onlyForUnitAdmin", "only a UNIT_ADMIN belongs to a unit");
      }
      return null;
    }
    if (given == null) {
      throw RaRefusal.invalid(
          "applicationUnit", "unit.required", "a UNIT_ADMIN needs the unit they administer");
    }
    ApplicationUnit unit = unit(given);
    if (unit == null) {
      throw RaRefusal.invalid("applicationUnit", "unit.unknown", "no application unit " + given);
    }
    return unit;
  }

  private static String username(String value) {
    String text = FormText.text("username", value, 32, true);
    if (!USERNAME.matcher(text).matches()) {
      throw RaRefusal.invalid(
          "username",
          "operator.username",
          "use 3 to 32 lower-case letters, digits, '.', '-' or '_', starting with a letter");
    }
    return text;
  }

  private Operator existing(String username) {
    Operator operator = operator(username);
    if (operator == null) {
      throw new RaRefusal(
          RaRefusal.Reason.NOT_FOUND, "operator.notFound", "no operator " + username);
    }
    return operator;
  }

  private Operator operator(String username) {
    return entityManager
        .createNamedQuery(Operator.BY_USERNAME, Operator.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private ApplicationUnit unit(String code) {
    return entityManager
        .createNamedQuery(ApplicationUnit.BY_CODE, ApplicationUnit.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
