package org.egovca.ra.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PermissionTest {

  /** The permissions {@code roles} grant. */
  private static Set<Permission> granted(Set<OperatorRole> roles) {
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    for (Permission permission : Permission.values()) {
      if (permission.grantedToAnyOf(roles)) {
        granted.add(permission);
      }
    }
    return granted;
  }

  @Test
  void auditorHasOnlyViewAudit() {
    assertEquals(EnumSet.of(Permission.VIEW_AUDIT), granted(EnumSet.of(OperatorRole.AUDITOR)));
  }

  @Test
  void systemMaintainerKeepsDeliveryRunningOnly() {
    assertEquals(
        EnumSet.of(Permission.MANAGE_DELIVERIES),
        granted(EnumSet.of(OperatorRole.SYSTEM_MAINTAINER)));
  }

  @Test
  void keyCustodianOnlyRecoversKeysForAuthorities() {
    assertEquals(
        EnumSet.of(Permission.JUDICIAL_KEY_RECOVERY),
        granted(EnumSet.of(OperatorRole.KEY_CUSTODIAN)));
  }

  @Test
  void noRolesGrantNothing() {
    assertEquals(Set.of(), granted(EnumSet.noneOf(OperatorRole.class)));
  }

  @Test
  void entryClerkEntersAndViewsButCannotDecide() {
    assertEquals(
        EnumSet.of(
            Permission.ENTER_APPLICATION,
            Permission.HAND_OVER_GENERATED_KEY,
            Permission.REQUEST_HOLDER_KEY_RECOVERY,
            Permission.VIEW_APPLICATIONS,
            Permission.VIEW_CERTIFICATES),
        granted(EnumSet.of(OperatorRole.ENTRY_CLERK)));
    assertFalse(Permission.DECIDE_APPLICATION.grantedToAnyOf(EnumSet.of(OperatorRole.ENTRY_CLERK)));
  }

  @Test
  void reviewerDecidesAndForcesRevocationButCannotEnter() {
    assertEquals(
        EnumSet.of(
            Permission.DECIDE_APPLICATION,
            Permission.FORCE_REVOCATION,
            Permission.DECIDE_HOLDER_KEY_RECOVERY,
            Permission.VIEW_APPLICATIONS,
            Permission.VIEW_CERTIFICATES),
        granted(EnumSet.of(OperatorRole.REVIEWER)));
    assertFalse(Permission.ENTER_APPLICATION.grantedToAnyOf(EnumSet.of(OperatorRole.REVIEWER)));
  }

  @Test
  void securityAdminManagesOperatorsSystemsAndCaKeysAndViewsCertificatesOnly() {
    assertEquals(
        EnumSet.of(
            Permission.MANAGE_OPERATORS,
            Permission.VIEW_CERTIFICATES,
            Permission.MANAGE_EGOV_SYSTEMS,
            Permission.MANAGE_REMOTE_RAS,
            Permission.MANAGE_CA_KEYS,
            Permission.HOST_KEY_CEREMONY,
            Permission.APPROVE_REQUESTS),
        granted(EnumSet.of(OperatorRole.SECURITY_ADMIN)));
  }

  @Test
  void unitAdminOnlyViewsAndIsScopedToItsUnit() {
    assertEquals(
        EnumSet.of(Permission.VIEW_APPLICATIONS, Permission.VIEW_CERTIFICATES),
        granted(EnumSet.of(OperatorRole.UNIT_ADMIN)));
    assertTrue(Permission.scopedToUnit(EnumSet.of(OperatorRole.UNIT_ADMIN)));
  }

  @ParameterizedTest
  @EnumSource(value = OperatorRole.class, names = "UNIT_ADMIN", mode = EnumSource.Mode.EXCLUDE)
  void onlyUnitAdminIsScopedToAUnit(OperatorRole role) {
    assertFalse(Permission.scopedToUnit(EnumSet.of(role)));
  }

  @Test
  void onlySecurityAdminManagesOperators() {
    assertEquals(EnumSet.of(OperatorRole.SECURITY_ADMIN), Permission.MANAGE_OPERATORS.grantedTo());
  }

  @Test
  void grantedToIsACopyThatCannotWidenThePermission() {
    Set<OperatorRole> roles = Permission.VIEW_AUDIT.grantedTo();
    roles.add(OperatorRole.ENTRY_CLERK);

    assertEquals(EnumSet.of(OperatorRole.AUDITOR), Permission.VIEW_AUDIT.grantedTo());
    assertFalse(Permission.VIEW_AUDIT.grantedToAnyOf(EnumSet.of(OperatorRole.ENTRY_CLERK)));
  }
}
