package org.egovca.ra.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleConflictsTest {

  private static String conflict(OperatorRole... roles) {
    Set<OperatorRole> set = EnumSet.noneOf(OperatorRole.class);
    set.addAll(java.util.List.of(roles));
    Optional<String> conflict = RoleConflicts.conflictIn(set);
    assertTrue(conflict.isPresent(), "expected a conflict in " + set);
    return conflict.get();
  }

  @Test
  void emptyRoleSetIsRefused() {
    assertEquals(
        Optional.of("an operator needs at least one role"), RoleConflicts.conflictIn(Set.of()));
  }

  @Test
  void entryClerkAndReviewerConflict() {
    assertTrue(
        conflict(OperatorRole.ENTRY_CLERK, OperatorRole.REVIEWER)
            .startsWith("ENTRY_CLERK and REVIEWER conflict"));
  }

  @Test
  void entryClerkAndReviewerConflictAlsoAmongOtherCompatibleRoles() {
    assertTrue(
        conflict(OperatorRole.ENTRY_CLERK, OperatorRole.REVIEWER, OperatorRole.ARCHIVE_ADMIN)
            .startsWith("ENTRY_CLERK and REVIEWER conflict"));
  }

  @Test
  void securityAdminAndAuditorConflict() {
    assertTrue(
        conflict(OperatorRole.SECURITY_ADMIN, OperatorRole.AUDITOR)
            .startsWith("SECURITY_ADMIN and AUDITOR conflict"));
  }

  @ParameterizedTest
  @EnumSource(
      value = OperatorRole.class,
      names = {"AUDITOR", "SECURITY_ADMIN"},
      mode = EnumSource.Mode.EXCLUDE)
  void auditorCannotBeCombinedWithAnyOtherRole(OperatorRole other) {
    assertTrue(
        conflict(OperatorRole.AUDITOR, other)
            .startsWith("AUDITOR cannot be combined with another role"),
        other.name());
  }

  @ParameterizedTest
  @EnumSource(
      value = OperatorRole.class,
      names = {"UNIT_ADMIN", "AUDITOR"},
      mode = EnumSource.Mode.EXCLUDE)
  void unitAdminCannotBeCombinedWithAnyOtherRole(OperatorRole other) {
    assertTrue(
        conflict(OperatorRole.UNIT_ADMIN, other)
            .startsWith("UNIT_ADMIN cannot be combined with another role"),
        other.name());
  }

  @ParameterizedTest
  @EnumSource(OperatorRole.class)
  void everySingleRoleIsAccepted(OperatorRole role) {
    assertEquals(Optional.empty(), RoleConflicts.conflictIn(EnumSet.of(role)));
  }

  @Test
  void entryClerkWithArchiveAdminIsAccepted() {
    assertEquals(
        Optional.empty(),
        RoleConflicts.conflictIn(EnumSet.of(OperatorRole.ENTRY_CLERK, OperatorRole.ARCHIVE_ADMIN)));
  }

  @Test
  void reviewerWithKeyCustodianIsAccepted() {
    assertEquals(
        Optional.empty(),
        RoleConflicts.conflictIn(EnumSet.of(OperatorRole.REVIEWER, OperatorRole.KEY_CUSTODIAN)));
  }

  @Test
  void securityAdminWithKeyCustodianIsAccepted() {
    assertEquals(
        Optional.empty(),
        RoleConflicts.conflictIn(
            EnumSet.of(OperatorRole.SECURITY_ADMIN, OperatorRole.KEY_CUSTODIAN)));
  }
}
