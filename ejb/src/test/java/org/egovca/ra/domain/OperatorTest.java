package org.egovca.ra.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.egovca.ca.domain.ApplicationUnit;
import org.junit.jupiter.api.Test;

class OperatorTest {

  private static final Instant T = Instant.parse("2025-06-01T08:00:00Z");
  private static final ApplicationUnit UNIT = new ApplicationUnit("tax", "Tax office", T);

  private static Operator operator(Set<OperatorRole> roles, ApplicationUnit unit) {
    return new Operator(
        "lisi", "Li Si", "lisi@example.cn", roles, unit, "$argon2id$otp", "admin", T);
  }

  private static Operator clerk() {
    return operator(EnumSet.of(OperatorRole.ENTRY_CLERK), null);
  }

  @Test
  void constructorRefusesConflictingRoles() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> operator(EnumSet.of(OperatorRole.ENTRY_CLERK, OperatorRole.REVIEWER), null));
    assertTrue(e.getMessage().startsWith("an operator holds exactly one role"), e.getMessage());
  }

  @Test
  void constructorRefusesAnEmptyRoleSet() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> operator(EnumSet.noneOf(OperatorRole.class), null));
    assertEquals("an operator needs a role", e.getMessage());
  }

  @Test
  void constructorRefusesUnitAdminWithoutUnit() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> operator(EnumSet.of(OperatorRole.UNIT_ADMIN), null));
    assertEquals(
        "an application unit is given exactly when the operator is a UNIT_ADMIN", e.getMessage());
  }

  @Test
  void constructorRefusesUnitForAnOperatorWhoIsNotUnitAdmin() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> operator(EnumSet.of(OperatorRole.ENTRY_CLERK), UNIT));
    assertEquals(
        "an application unit is given exactly when the operator is a UNIT_ADMIN", e.getMessage());
  }

  @Test
  void unitAdminWithUnitIsAccepted() {
    Operator admin = operator(EnumSet.of(OperatorRole.UNIT_ADMIN), UNIT);

    assertEquals(EnumSet.of(OperatorRole.UNIT_ADMIN), admin.getRoles());
    assertEquals(UNIT, admin.getApplicationUnit());
  }

  @Test
  void refusedRoleChangeKeepsTheOldRoles() {
    Operator operator = clerk();

    assertThrows(
        IllegalArgumentException.class,
        () ->
            operator.assignRoles(EnumSet.of(OperatorRole.AUDITOR, OperatorRole.ENTRY_CLERK), null));
    assertEquals(EnumSet.of(OperatorRole.ENTRY_CLERK), operator.getRoles());
  }

  @Test
  void getRolesIsACopy() {
    Operator operator = clerk();
    operator.getRoles().add(OperatorRole.REVIEWER);

    assertEquals(EnumSet.of(OperatorRole.ENTRY_CLERK), operator.getRoles());
  }

  @Test
  void fourFailedLoginsDoNotLock() {
    Operator operator = clerk();
    for (int i = 0; i < 4; i++) {
      assertFalse(operator.recordFailedLogin(T));
    }

    assertFalse(operator.isLockedAt(T));
    assertEquals(4, operator.getFailedLogins());
  }

  @Test
  void fifthFailedLoginInARowLocksForFifteenMinutes() {
    Operator operator = clerk();
    for (int i = 0; i < 4; i++) {
      operator.recordFailedLogin(T);
    }

    assertTrue(operator.recordFailedLogin(T));
    assertEquals(T.plus(Duration.ofMinutes(15)), operator.getLockedUntil());
    assertTrue(operator.isLockedAt(T));
    assertTrue(operator.isLockedAt(T.plus(Duration.ofMinutes(15)).minusSeconds(1)));
    assertFalse(operator.isLockedAt(T.plus(Duration.ofMinutes(15)).plusSeconds(1)));
  }

  @Test
  void successfulLoginResetsTheFailureCount() {
    Operator operator = clerk();
    for (int i = 0; i < 4; i++) {
      operator.recordFailedLogin(T);
    }
    operator.recordSuccessfulLogin();

    assertEquals(0, operator.getFailedLogins());
    for (int i = 0; i < 4; i++) {
      assertFalse(operator.recordFailedLogin(T));
    }
    assertFalse(operator.isLockedAt(T));
  }

  @Test
  void unlockLiftsTheLockAtOnce() {
    Operator operator = clerk();
    for (int i = 0; i < 5; i++) {
      operator.recordFailedLogin(T);
    }
    operator.unlock();

    assertFalse(operator.isLockedAt(T));
    assertNull(operator.getLockedUntil());
  }

  @Test
  void newAccountMustChangeItsOneTimePassword() {
    Operator operator = clerk();

    assertTrue(operator.isMustChangePassword());
    assertEquals("$argon2id$otp", operator.getPasswordHash());
    assertTrue(operator.isActive());
  }

  @Test
  void changedPasswordNoLongerMustBeChanged() {
    Operator operator = clerk();
    operator.changePassword("$argon2id$own", T.plusSeconds(60));

    assertFalse(operator.isMustChangePassword());
    assertEquals("$argon2id$own", operator.getPasswordHash());
  }

  @Test
  void resetPasswordMustBeChangedAgainAndUnlocks() {
    Operator operator = clerk();
    operator.changePassword("$argon2id$own", T);
    for (int i = 0; i < 5; i++) {
      operator.recordFailedLogin(T);
    }
    operator.resetPassword("$argon2id$otp2", T);

    assertTrue(operator.isMustChangePassword());
    assertEquals("$argon2id$otp2", operator.getPasswordHash());
    assertFalse(operator.isLockedAt(T));
  }

  @Test
  void activeOperatorHasThePermissionsOfItsRoles() {
    Operator operator = clerk();

    assertTrue(operator.has(Permission.ENTER_APPLICATION));
    assertFalse(operator.has(Permission.DECIDE_APPLICATION));
  }

  @Test
  void deactivatedOperatorHasNoPermission() {
    Operator operator = clerk();
    operator.deactivate();

    assertFalse(operator.isActive());
    for (Permission permission : Permission.values()) {
      assertFalse(operator.has(permission), permission.name());
    }
  }

  @Test
  void anAccountLeftWithSeveralRolesMayDoNothing() throws Exception {
    Operator operator = clerk();
    java.lang.reflect.Field roles = Operator.class.getDeclaredField("roles");
    roles.setAccessible(true);
    // as a row from before the one-role rule would load
    roles.set(operator, EnumSet.of(OperatorRole.ENTRY_CLERK, OperatorRole.ARCHIVE_ADMIN));

    for (Permission permission : Permission.values()) {
      assertFalse(operator.has(permission), permission.name());
    }
  }
}
