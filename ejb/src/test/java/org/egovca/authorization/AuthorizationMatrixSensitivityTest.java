package org.egovca.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.Permission;
import org.junit.jupiter.api.Test;

/**
 * The matrix tests would notice a loosened cell: in the matrix, or in the code. Without this, a
 * comparison that passed whatever the cells said would look the same.
 */
class AuthorizationMatrixSensitivityTest {

  private final AuthorizationMatrix.Table matrix =
      AuthorizationMatrix.fromRepository().table(AuthorizationMatrix.CONSOLE);

  @Test
  void aCellLoosenedInTheMatrixIsReported() {
    AuthorizationMatrix.Table loosened =
        matrix.with("ApplicationReview.approve", OperatorRole.ENTRY_CLERK.name(), "allow");

    assertEquals(
        List.of("ApplicationReview.approve × ENTRY_CLERK: matrix allow, code deny"),
        loosened.mismatches(ConsoleAuthorization.operations(), ConsoleAuthorization::cell));
  }

  @Test
  void aPermissionLoosenedInTheCodeIsReported() {
    // as if the reviewer's permission to decide were also granted to the entry clerk
    ConsoleAuthorization.PermissionRule loosenedRule =
        (operator, permission) ->
            operator.has(permission)
                || (permission == Permission.DECIDE_APPLICATION
                    && operator.getRoles().contains(OperatorRole.ENTRY_CLERK));

    assertEquals(
        List.of(
            "ApplicationReview.approve × ENTRY_CLERK: matrix deny, code allow",
            "ApplicationReview.reject × ENTRY_CLERK: matrix deny, code allow"),
        matrix.mismatches(
            ConsoleAuthorization.operations(),
            (operation, role) -> ConsoleAuthorization.cell(operation, role, loosenedRule)));
  }

  @Test
  void anOperationMissingFromTheMatrixIsReported() {
    List<String> withANewOne = new java.util.ArrayList<>(ConsoleAuthorization.operations());
    withANewOne.add("OperatorAdministration.grantEverything");

    assertEquals(
        List.of(
            "OperatorAdministration.grantEverything is not in the matrix: deny by default means it"
                + " may not exist"),
        matrix.mismatches(withANewOne, ConsoleAuthorization::cell));
  }
}
