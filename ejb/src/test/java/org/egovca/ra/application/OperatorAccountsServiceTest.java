package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.newOperatorForm;
import static org.egovca.ra.application.RaServiceFixtures.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The checks of a new account, a role change and a deactivation, each naming the form field that is
 * wrong; a refused request leaves no request waiting.
 */
@ExtendWith(ServiceTier.class)
class OperatorAccountsServiceTest {

  @Inject OperatorAdministration administration;
  @Inject Approvals approvals;

  /** The refusal of {@code form}: no request waits for it, and no account of its name appears. */
  private Refusal refusedNewOperator(NewOperator form) {
    String username = form.getUsername() == null ? null : form.getUsername().strip();
    boolean existed = username != null && RaServiceFixtures.stored(username) != null;
    Refusal refused =
        assertThrows(Refusal.class, () -> administration.requestOperator(admin().token(), form));
    assertTrue(
        approvals.waiting(admin().token()).stream()
            .noneMatch(request -> request.target().equals("operator:" + form.getUsername())),
        "a refused request waits");
    if (username != null && !existed) {
      assertNull(RaServiceFixtures.stored(username), "an account was written");
    }
    return refused;
  }

  private static void invalid(Refusal refused, String field, String key) {
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertTrue(
        refused.problems().stream()
            .anyMatch(problem -> field.equals(problem.field()) && key.equals(problem.key())),
        refused.problems().toString());
  }

  private static NewOperator with(
      NewOperator form, String username, OperatorRole role, String unit) {
    return new NewOperator(
        username,
        form.getDisplayName(),
        form.getEmail(),
        role,
        unit,
        form.getCertificateRequestPem());
  }

  @Test
  void aMalformedUserNameIsRefusedNamingIt() {
    NewOperator form = newOperatorForm(uniqueName("acc"), OperatorRole.AUDITOR, null);
    invalid(
        refusedNewOperator(with(form, "Upper Case", OperatorRole.AUDITOR, null)),
        "username",
        "operator.username");
  }

  @Test
  void aUserNameTakenIsRefusedNamingIt() {
    invalid(
        refusedNewOperator(newOperatorForm("admin2", OperatorRole.AUDITOR, null)),
        "username",
        "operator.exists");
  }

  @Test
  void everyWrongFieldIsNamedAtOnce() {
    NewOperator form =
        new NewOperator(uniqueName("acc"), "", "not-an-email", OperatorRole.AUDITOR, null, null);
    Refusal refused = refusedNewOperator(form);
    List<String> fields = refused.problems().stream().map(Refusal.Problem::field).toList();
    assertTrue(
        fields.containsAll(List.of("displayName", "email", "certificateRequest")),
        fields.toString());
  }

  @Test
  void eachFieldIsRefusedUnderTheKeyOfItsFirstConstraint() {
    NewOperator form = newOperatorForm(uniqueName("acc"), OperatorRole.AUDITOR, null);
    form.setUsername("u".repeat(33));
    form.setDisplayName("Li\u202ESi");
    form.setEmail("lisi@localhost");
    Refusal refused = refusedNewOperator(form);
    assertEquals(
        List.of(
            "username field.tooLong", "displayName field.controlCharacters", "email field.email"),
        refused.problems().stream().map(p -> p.field() + " " + p.key()).toList());
  }

  @Test
  void aCheckedFormIsTrimmedAndWaitsAsTyped() {
    String username = uniqueName("acc");
    NewOperator form = newOperatorForm(" " + username + " ", OperatorRole.AUDITOR, " ");
    form.setDisplayName(" Li Si ");
    form.setEmail(" ");
    DualControlRequestView request = administration.requestOperator(admin().token(), form);
    assertEquals("operator:" + username, request.target());
    assertTrue(request.summary().contains(username + " (Li Si)"), request.summary());
  }

  @Test
  void anAccountWithoutARoleIsRefusedNamingTheRoles() {
    Refusal refused = refusedNewOperator(newOperatorForm(uniqueName("acc"), null, null));
    invalid(refused, "roles", "roles.conflict");
  }

  @Test
  void aRoleChangeToNoRoleIsASeparationOfDutiesRefusal() {
    Staff auditor = RaServiceFixtures.shared(OperatorRole.AUDITOR);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> administration.requestRoleChange(admin().token(), auditor.username, null, null));
    assertEquals(RefusalCode.SEPARATION_OF_DUTIES, refused.code());
    assertEquals("roles", refused.problems().get(0).field());
    assertEquals("roles.conflict", refused.problems().get(0).key());
  }

  @Test
  void aUnitAdministratorNeedsAUnit() {
    invalid(
        refusedNewOperator(newOperatorForm(uniqueName("acc"), OperatorRole.UNIT_ADMIN, null)),
        "applicationUnit",
        "unit.required");
  }

  @Test
  void aUnitAdministratorOfAnUnknownUnitIsRefused() {
    invalid(
        refusedNewOperator(
            newOperatorForm(uniqueName("acc"), OperatorRole.UNIT_ADMIN, "no-such-unit")),
        "applicationUnit",
        "unit.unknown");
  }

  @Test
  void onlyAUnitAdministratorBelongsToAUnit() {
    invalid(
        refusedNewOperator(
            newOperatorForm(
                uniqueName("acc"), OperatorRole.ENTRY_CLERK, RaServiceFixtures.newUnit())),
        "applicationUnit",
        "unit.onlyForUnitAdmin");
  }

  @Test
  void aRoleChangeForAnUnknownOperatorIsNotFound() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                administration.requestRoleChange(
                    admin().token(), "nobody-by-this-name", OperatorRole.AUDITOR, null));
    assertEquals(RefusalCode.NOT_FOUND, refused.code());
    assertEquals("operator.notFound", refused.problems().get(0).key());
  }

  @Test
  void aRoleChangeToUnitAdministratorWithoutAUnitIsRefused() {
    Staff auditor = RaServiceFixtures.shared(OperatorRole.AUDITOR);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                administration.requestRoleChange(
                    admin().token(), auditor.username, OperatorRole.UNIT_ADMIN, " "));
    invalid(refused, "applicationUnit", "unit.required");
  }

  /** Thrown to roll back the set-up of a test that needs all but two administrators gone. */
  private static final class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Refusal refusal;

    RolledBack(Refusal refusal) {
      super(null, null, false, false);
      this.refusal = refusal;
    }
  }

  @Test
  void theSecondToLastSecurityAdministratorCannotBeDeactivated() {
    Staff admin = admin();
    String token = admin.token();
    Staff other = RaServiceFixtures.newOperator(OperatorRole.SECURITY_ADMIN, null);
    // in a transaction rolled back at its end: the others, of this and other tests, stay active
    RolledBack rolledBack =
        assertThrows(
            RolledBack.class,
            () ->
                ServiceTier.inTransaction(
                    em -> {
                      for (Operator active :
                          em.createNamedQuery(Operator.ACTIVE, Operator.class).getResultList()) {
                        if (active.getRoles().contains(OperatorRole.SECURITY_ADMIN)
                            && !List.of(admin.username, other.username)
                                .contains(active.getUsername())) {
                          active.deactivate();
                        }
                      }
                      throw new RolledBack(
                          assertThrows(
                              Refusal.class,
                              () -> administration.deactivate(token, other.username)));
                    }));
    assertEquals(RefusalCode.WRONG_STATE, rolledBack.refusal.code());
    assertEquals("operator.lastSecurityAdmins", rolledBack.refusal.problems().get(0).key());
    assertTrue(RaServiceFixtures.stored(other.username).isActive());
    assertTrue(RaServiceFixtures.stored("admin2").isActive());
  }

  /**
   * The same rule when a role change is carried out. Through dual control it cannot arise — the
   * requester, the approver and the operator losing the role are three active security
   * administrators, so two others always stay — which is why the check is made here, on the
   * approved change itself, with all but two administrators gone.
   */
  @Test
  void theRoleOfOneOfTheLastTwoSecurityAdministratorsIsNotTakenAway() {
    Staff admin = admin();
    Staff admin2 = RaServiceFixtures.admin2();
    OperatorAccounts accounts = RaServiceFixtures.service(OperatorAccounts.class);
    RolledBack rolledBack =
        assertThrows(
            RolledBack.class,
            () ->
                ServiceTier.inTransaction(
                    em -> {
                      for (Operator active :
                          em.createNamedQuery(Operator.ACTIVE, Operator.class).getResultList()) {
                        if (active.getRoles().contains(OperatorRole.SECURITY_ADMIN)
                            && !List.of(admin.username, admin2.username)
                                .contains(active.getUsername())) {
                          active.deactivate();
                        }
                      }
                      throw new RolledBack(
                          assertThrows(
                              Refusal.class,
                              () ->
                                  accounts.changeRole(
                                      new OperatorAccounts.RoleChange(
                                          admin2.username, OperatorRole.AUDITOR, null),
                                      "service-test")));
                    }));
    assertEquals(RefusalCode.WRONG_STATE, rolledBack.refusal.code());
    assertEquals("operator.lastSecurityAdmins", rolledBack.refusal.problems().get(0).key());
    assertTrue(
        rolledBack.refusal.getMessage().contains("take the role SECURITY_ADMIN from admin2"),
        rolledBack.refusal.getMessage());
    assertEquals(
        java.util.Set.of(OperatorRole.SECURITY_ADMIN),
        RaServiceFixtures.stored(admin2.username).getRoles());
  }
}
