package org.egovca.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every cell of the console table of {@code docs/AUTHORIZATION.md} against the EJB layer: one test
 * per operation and role (see {@link ConsoleAuthorization} for how the code's answer is found).
 */
class ConsoleAuthorizationMatrixTest {

  private final AuthorizationMatrix.Table matrix =
      AuthorizationMatrix.fromRepository().table(AuthorizationMatrix.CONSOLE);

  @TestFactory
  Stream<DynamicTest> everyCellMatchesTheCode() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String operation : matrix.cells().keySet()) {
      for (String role : matrix.callers()) {
        tests.add(
            DynamicTest.dynamicTest(
                operation + " × " + role,
                () ->
                    assertEquals(
                        matrix.cell(operation, role),
                        ConsoleAuthorization.cell(operation, role),
                        operation + " for " + role)));
      }
    }
    return tests.stream();
  }

  @Test
  void everyPublicMethodOfTheConsolesEjbsIsInTheMatrixAndNoOtherOne() {
    assertEquals(
        List.of(),
        matrix.mismatches(ConsoleAuthorization.operations(), ConsoleAuthorization::cell));
  }
}
