package org.egovca.ra.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Separation of duties (CPS §6.5.1.2, §7.5.1.2): role sets one account may not hold. The entry
 * clerk must not vet what they entered; the security administrator must not audit their own
 * administration; the auditor audits everyone's records, so holds no other role; and the
 * administrator of an application unit is an outsider who holds no role inside the CA.
 */
public final class RoleConflicts {

  private RoleConflicts() {}

  /** Why {@code roles} cannot be held by one account, or empty when they can. */
  public static Optional<String> conflictIn(Set<OperatorRole> roles) {
    if (roles.isEmpty()) {
      return Optional.of("an operator needs at least one role");
    }
    if (roles.contains(OperatorRole.ENTRY_CLERK) && roles.contains(OperatorRole.REVIEWER)) {
      return Optional.of(
          "ENTRY_CLERK and REVIEWER conflict: whoever enters an application must not vet it");
    }
    if (roles.contains(OperatorRole.SECURITY_ADMIN) && roles.contains(OperatorRole.AUDITOR)) {
      return Optional.of(
          "SECURITY_ADMIN and AUDITOR conflict: the auditor reviews the security administrator's"
              + " actions");
    }
    if (roles.contains(OperatorRole.AUDITOR) && roles.size() > 1) {
      return Optional.of(
          "AUDITOR cannot be combined with another role: an auditor would audit their own records");
    }
    if (roles.contains(OperatorRole.UNIT_ADMIN) && roles.size() > 1) {
      return Optional.of(
          "UNIT_ADMIN cannot be combined with another role: an application unit's administrator"
              + " is not CA staff");
    }
    return Optional.empty();
  }
}
