package org.egovca.ra.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RoleConflictsTest {

  @Test
  void emptyRoleSetIsRefused() {
    assertEquals(Optional.of("an operator needs a role"), RoleConflicts.conflictIn(Set.of()));
  }

  /** CPS 7.5.1.2 item 4: whoever holds one of the separated roles holds no other. */
  @ParameterizedTest
  @MethodSource("everyPairOfRoles")
  void noTwoRolesGoTogether(OperatorRole one, OperatorRole other) {
    Optional<String> conflict = RoleConflicts.conflictIn(EnumSet.of(one, other));
    assertTrue(conflict.isPresent(), one + " with " + other);
    assertTrue(conflict.get().startsWith("an operator holds exactly one role"), conflict.get());
  }

  @Test
  void formerlyAcceptedCombinationsAreRefused() {
    assertTrue(
        RoleConflicts.conflictIn(
                EnumSet.of(OperatorRole.SECURITY_ADMIN, OperatorRole.KEY_CUSTODIAN))
            .isPresent());
    assertTrue(
        RoleConflicts.conflictIn(EnumSet.of(OperatorRole.ENTRY_CLERK, OperatorRole.ARCHIVE_ADMIN))
            .isPresent());
  }

  @ParameterizedTest
  @EnumSource(OperatorRole.class)
  void everySingleRoleIsAccepted(OperatorRole role) {
    assertEquals(Optional.empty(), RoleConflicts.conflictIn(EnumSet.of(role)));
  }

  static Stream<Arguments> everyPairOfRoles() {
    List<Arguments> pairs = new ArrayList<>();
    OperatorRole[] roles = OperatorRole.values();
    for (int i = 0; i < roles.length; i++) {
      for (int j = i + 1; j < roles.length; j++) {
        pairs.add(Arguments.of(roles[i], roles[j]));
      }
    }
    return pairs.stream();
  }
}
