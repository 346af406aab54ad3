package org.egovca.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of {@link Architecture} hold for the production code, and they do catch an
 * arrow against the direction (a fixture whose CA domain class uses an RA class, and whose RA calls
 * the revocation of a CA certificate that only key custody may call).
 */
class ArchitectureTest {

  @Test
  void theProductionCodeKeepsEveryArrowInItsDirection() {
    JavaClasses production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.egovca");
    for (ArchRule rule : Architecture.rules("org.egovca")) {
      rule.check(production);
    }
  }

  @Test
  void anArrowAgainstTheDirectionFailsTheBuild() {
    String fixture = "org.egovca.architecture.fixture";
    JavaClasses classes = new ClassFileImporter().importPackages(fixture);
    List<EvaluationResult> results =
        Architecture.rules(fixture).stream()
            .map(rule -> rule.allowEmptyShould(true).evaluate(classes))
            .toList();

    EvaluationResult caCore = results.get(0);
    assertTrue(caCore.hasViolation(), "the CA core may not use the RA");
    String report = caCore.getFailureReport().toString();
    assertTrue(report.contains("fixture.ca.domain.CaDomainClass"), report);
    assertTrue(report.contains("fixture.ra.domain.RaDomainClass"), report);
    assertFalse(results.get(1).hasViolation(), "the fixture's RA uses nothing it may not");

    EvaluationResult rolloverInCeremony = results.get(results.size() - 2);
    assertTrue(rolloverInCeremony.hasViolation(), "only a key ceremony rolls a CA key over");
    String rolloverReport = rolloverInCeremony.getFailureReport().toString();
    assertTrue(rolloverReport.contains("fixture.ra.application.ApprovalPage"), rolloverReport);

    EvaluationResult ceremonyOnly = results.get(results.size() - 1);
    assertTrue(ceremonyOnly.hasViolation(), "only key custody revokes a CA's certificate");
    String revocationReport = ceremonyOnly.getFailureReport().toString();
    assertTrue(
        revocationReport.contains("fixture.ra.application.RevocationPage"), revocationReport);
  }
}
