package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.application.CertificateRevoker;
import org.egovca.ca.application.ClientCredentialKeys;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ca.x509.PemCertificates;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.PasswordHash;
import org.egovca.ra.domain.RoleConflicts;

/**
 * Changes to operator accounts that could take an account over — a new account, another role, a new
 * login certificate, a one-time password — carried out once a second security administrator
 * approved them ({@link DualControl}), and checked both when asked for and when carried out. The
 * checks name the form field that is wrong.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OperatorAccounts {

  /** Another role (and, for a UNIT_ADMIN, unit) for an existing operator. */
  public record RoleChange(String username, OperatorRole role, String applicationUnit)
      implements Serializable {}

  /** A new login certificate for an operator, for the request made on their own device. */
  public record CertificateRequest(String username, String certificateRequestPem)
      implements Serializable {}

  /** A one-time password for an operator, to be replaced at their next login. */
  public record PasswordReset(String username) implements Serializable {}

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;
  @Inject private OperatorCertificates certificates;
  @Inject private CertificateRevoker revoker;

  @Inject private Clock clock;

  /**
   * The form, checked: its constraints (a well-formed user name, a display name, an e-mail address
   * if any), then a free user name, one role, the unit exactly for a UNIT_ADMIN and a request with
   * proof of possession; every problem at once. The checked form is trimmed.
   */
  public NewOperator checked(NewOperator form) {
    List<Refusal.Problem> problems = new ArrayList<>(FormValidation.problems(form));
    FormValidation.collect(problems, () -> unitFor(form.getRole(), form.getApplicationUnit()));
    FormValidation.collect(problems, () -> certificates.check(form.getCertificateRequestPem()));
    if (!problems.isEmpty()) {
      throw new Refusal(RefusalCode.INVALID_INPUT, problems);
    }
    String username = form.getUsername().strip();
    if (operator(username) != null) {
      throw Refusal.invalid(
          "username", "operator.exists", "an operator with the user name " + username + " exists");
    }
    return new NewOperator(
        username,
        form.getDisplayName().strip(),
        blankToNull(form.getEmail()),
        form.getRole(),
        blankToNull(form.getApplicationUnit()),
        form.getCertificateRequestPem());
  }

  /** Creates the account with a one-time password and its login certificate. */
  public NewOperatorCredential create(NewOperator form, String actor) {
    NewOperator checked = checked(form);
    ApplicationUnit unit = unitFor(checked.getRole(), checked.getApplicationUnit());
    char[] oneTimePassword =
        OneTimePasswords.create(checked.getUsername(), checked.getDisplayName());
    Operator operator =
        new Operator(
            checked.getUsername(),
            checked.getDisplayName(),
            checked.getEmail(),
            EnumSet.of(checked.getRole()),
            unit,
            PasswordHash.of(oneTimePassword),
            actor,
            clock.instant());
    IssuedCertificate certificate =
        certificates.issue(checked.getUsername(), checked.getCertificateRequestPem(), actor);
    operator.bindCertificate(certificate);
    entityManager.persist(operator);
    auditLog.success(
        actor,
        AuditAction.OPERATOR_CREATED,
        target(checked.getUsername()),
        "role " + checked.getRole() + (unit == null ? "" : " of unit " + unit.getCode()));
    auditLog.success(
        actor,
        AuditAction.OPERATOR_CERTIFICATE_ISSUED,
        target(checked.getUsername()),
        "serial=" + certificate.getSerialNumberHex());
    return new NewOperatorCredential(
        checked.getUsername(),
        new String(oneTimePassword),
        PemCertificates.of(certificate.getEncoded(), certificates.tlsCaCertificate()));
  }

  /** The change, checked: the operator exists and the role (and unit) may be held. */
  public Operator checked(RoleChange change) {
    Operator operator = existing(change.username());
    unitFor(change.role(), change.applicationUnit());
    return operator;
  }

  public void changeRole(RoleChange change, String actor) {
    Operator operator = checked(change);
    if (change.role() != OperatorRole.SECURITY_ADMIN) {
      requireAnotherTwoSecurityAdmins(operator, "take the role SECURITY_ADMIN from");
    }
    ApplicationUnit unit = unitFor(change.role(), change.applicationUnit());
    Set<OperatorRole> before = operator.getRoles();
    operator.assignRoles(EnumSet.of(change.role()), unit);
    auditLog.success(
        actor,
        AuditAction.OPERATOR_CHANGED,
        target(change.username()),
        "roles " + before + " -> [" + change.role() + "]");
  }

  public Operator checked(CertificateRequest request) {
    Operator operator = existing(request.username());
    certificates.check(request.certificateRequestPem());
    return operator;
  }

  /**
   * Issues a new login certificate; the previous one is revoked as superseded, which ends the
   * operator's sessions.
   */
  public String issueCertificate(CertificateRequest request, String actor) {
    Operator operator = checked(request);
    revokeLoginCertificate(operator, RevocationReason.SUPERSEDED, actor);
    operator.bindCertificate(null);
    entityManager.flush();
    IssuedCertificate certificate =
        certificates.issue(operator.getUsername(), request.certificateRequestPem(), actor);
    operator.bindCertificate(certificate);
    auditLog.success(
        actor,
        AuditAction.OPERATOR_CERTIFICATE_ISSUED,
        target(operator.getUsername()),
        "serial=" + certificate.getSerialNumberHex());
    return PemCertificates.of(certificate.getEncoded(), certificates.tlsCaCertificate());
  }

  /** Sets a new one-time password and returns it, once. */
  public String resetPassword(PasswordReset reset, String actor) {
    Operator operator = existing(reset.username());
    char[] oneTimePassword =
        OneTimePasswords.create(operator.getUsername(), operator.getDisplayName());
    operator.resetPassword(PasswordHash.of(oneTimePassword), clock.instant());
    auditLog.success(
        actor, AuditAction.OPERATOR_CHANGED, target(reset.username()), "one-time password set");
    return new String(oneTimePassword);
  }

  /** Deactivates the account and revokes its login certificate (the account's end, CPS §6.5.3). */
  public void deactivate(Operator operator, String actor) {
    requireAnotherTwoSecurityAdmins(operator, "deactivate");
    operator.deactivate();
    revokeLoginCertificate(operator, RevocationReason.A_AFFILIATION_CHANGED, actor);
    auditLog.success(
        actor, AuditAction.OPERATOR_CHANGED, target(operator.getUsername()), "deactivated");
  }

  private void revokeLoginCertificate(Operator operator, RevocationReason reason, String actor) {
    IssuedCertificate current = operator.getCertificate();
    if (current != null
        && current.getStatus() == CertificateStatus.GOOD
        && current.isUsableAt(clock.instant())) {
      revoker.revoke(current.getSerialNumber(), reason, RevocationInitiator.CA, actor);
    }
  }

  /**
   * Refuses to leave fewer than two active security administrators: with one, nothing under dual
   * control could ever be approved again, not even a new administrator.
   */
  private void requireAnotherTwoSecurityAdmins(Operator operator, String what) {
    if (!operator.getRoles().contains(OperatorRole.SECURITY_ADMIN) || !operator.isActive()) {
      return;
    }
    // the active accounts' rows are locked: two such changes at once (each leaving two others)
    // are made one after the other, and the second sees the first
    long others =
        entityManager
            .createNamedQuery(Operator.ACTIVE, Operator.class)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()
            .stream()
            .filter(o -> !o.getId().equals(operator.getId()) && o.isActive())
            .filter(o -> o.getRoles().contains(OperatorRole.SECURITY_ADMIN))
            .count();
    if (others < 2) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "operator.lastSecurityAdmins",
          "cannot "
              + what
              + " "
              + operator.getUsername()
              + ": it would leave fewer than two active security administrators, and dual"
              + " control needs two");
    }
  }

  /** The fingerprint of the key of a checked request, for the approver to compare. */
  public String keyFingerprint(String certificateRequestPem) {
    return ClientCredentialKeys.fingerprint(
        certificates.check(certificateRequestPem).getSubjectPublicKeyInfo());
  }

  /** The operator named {@code username}, or NOT_FOUND. */
  public Operator existing(String username) {
    Operator operator = operator(username == null ? null : username.strip());
    if (operator == null) {
      throw new Refusal(RefusalCode.NOT_FOUND, "operator.notFound", "no operator " + username);
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

  private ApplicationUnit unitFor(OperatorRole role, String code) {
    if (role == null) {
      throw new Refusal(
          RefusalCode.SEPARATION_OF_DUTIES,
          List.of(
              new Refusal.Problem(
                  "roles", "roles.conflict", RoleConflicts.conflictIn(Set.of()).orElseThrow())));
    }
    String given = blankToNull(code);
    if (role != OperatorRole.UNIT_ADMIN) {
      if (given != null) {
        throw Refusal.invalid(
            "applicationUnit", "unit.onlyForUnitAdmin", "only a UNIT_ADMIN belongs to a unit");
      }
      return null;
    }
    if (given == null) {
      throw Refusal.invalid(
          "applicationUnit", "unit.required", "a UNIT_ADMIN needs the unit they administer");
    }
    ApplicationUnit unit =
        entityManager
            .createNamedQuery(ApplicationUnit.BY_CODE, ApplicationUnit.class)
            .setParameter("code", given)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (unit == null) {
      throw Refusal.invalid("applicationUnit", "unit.unknown", "no application unit " + given);
    }
    return unit;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String target(String username) {
    return "operator:" + username;
  }
}
