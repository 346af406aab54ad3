package org.egovca.ra.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Separation of duties (CPS §6.5.1.2, §7.5.1.2 item 4: whoever holds one of the separated roles
 * holds no other): an account holds exactly one role. The entry clerk never vets, the security
 * administrator never audits their own administration, the auditor audits everyone's records, and
 * the administrator of an application unit is an outsider who holds no role inside the CA.
 */
public final class RoleConflicts {

  private RoleConflicts() {}

  /** Why {@code roles} cannot be held by one account, or empty when they can. */
  public static Optional<String> conflictIn(Set<OperatorRole> roles) {
    if (roles.isEmpty()) {
      return Optional.of("an operator needs a role");
    }
    if (roles.size() > 1) {
      return Optional.of(
          "an operator holds exactly one role (CPS 7.5.1.2: whoever holds one of the separated"
              + " roles holds no other), not "
              + roles);
    }
    return Optional.empty();
  }
}
