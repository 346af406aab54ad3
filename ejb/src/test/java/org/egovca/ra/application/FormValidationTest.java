package org.egovca.ra.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.validation.DnValue;
import org.egovca.ra.domain.validation.OrganisationCode;
import org.egovca.ra.domain.validation.Text;
import org.junit.jupiter.api.Test;

/** Constraint violations become the refusal problems the console shows next to their fields. */
class FormValidationTest {

  /** The fields in the order a form shows them. */
  static final class Form {
    @NotBlank(message = "{field.required}")
    @Text(max = 4)
    @DnValue
    String name = "ok";

    @OrganisationCode String code;

    @AssertTrue(message = "{application.agreement}")
    boolean accepted = true;
  }

  private static List<String> problems(Form form) {
    return FormValidation.problems(form).stream()
        .map(p -> p.field() + " " + p.key() + ": " + p.message())
        .toList();
  }

  @Test
  void aValidFormHasNoProblems() {
    assertEquals(List.of(), FormValidation.problems(new Form()));
    FormValidation.check(new Form());
  }

  @Test
  void eachViolationIsAProblemOfItsFieldUnderItsKeyInEnglish() {
    Form form = new Form();
    form.name = " ";
    form.accepted = false;

    assertEquals(
        List.of(
            "name field.required: is required",
            "accepted application.agreement: the applicant must accept the holder agreement"
                + " (CPS 6.1.4.2.1)"),
        problems(form));
  }

  @Test
  void theBundlesMessageFillsInTheConstraintsAttributes() {
    Form form = new Form();
    form.name = "abcdef";

    assertEquals(
        List.of("name field.tooLong: is too long; at most 4 characters are accepted"),
        problems(form));
  }

  /** A value both too long and with DN syntax: the constraint written first speaks. */
  @Test
  void aFieldHasOneProblemTheFirstOfItsConstraints() {
    Form form = new Form();
    form.name = "CN=a,O=b";

    assertEquals(
        List.of("name field.tooLong: is too long; at most 4 characters are accepted"),
        problems(form));
  }

  @Test
  void aViolationInTheDomainsWordsKeepsTheKeyOfItsConstraint() {
    Form form = new Form();
    form.code = "M000100Y5";

    assertEquals(
        List.of(
            "code applicant.organisationCode: M000100Y5 has a wrong check character for a"
                + " ORGANISATION_CODE"),
        problems(form));
  }

  @Test
  void problemsComeInFieldOrderWithTheFormsOwnLast() {
    List<Refusal.Problem> problems =
        List.of(
            new Refusal.Problem(null, "application.subject", "whole form"),
            new Refusal.Problem("accepted", "application.agreement", "first of accepted"),
            new Refusal.Problem("name", "field.required", "first of name"),
            new Refusal.Problem("accepted", "application.fee", "second of accepted"),
            new Refusal.Problem(null, "application.other", "whole form again"));

    assertEquals(
        List.of("first of name", "first of accepted", "whole form", "whole form again"),
        FormValidation.inFieldOrder(Form.class, problems).stream()
            .map(Refusal.Problem::message)
            .toList());
  }

  @Test
  void checkRefusesWithEveryProblemAsInvalidInput() {
    Form form = new Form();
    form.name = null;
    form.code = "12345";

    Refusal refusal = assertThrows(Refusal.class, () -> FormValidation.check(form));
    assertEquals(RefusalCode.INVALID_INPUT, refusal.code());
    assertEquals(
        List.of("name", "code"), refusal.problems().stream().map(Refusal.Problem::field).toList());
  }
}
