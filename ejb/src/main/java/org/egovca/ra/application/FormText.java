package org.egovca.ra.application;

import java.util.List;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.validation.TextValidator;

/**
 * The checks of text an operator types outside a form object (a note, a search criterion, a unit's
 * code and name) before it is used or stored: trimmed, bounded in length and free of control
 * characters, the rules of {@link org.egovca.ra.domain.validation.Text} for a single value. The
 * forms ({@link ApplicationForm}, {@link ChangeApplicationForm}, {@link NewOperator}) say the same
 * with constraints.
 */
final class FormText {

  private FormText() {}

  /** The trimmed text of {@code field}, or null when blank and optional. */
  static String text(String field, String value, int maxLength, boolean required) {
    String stripped = value == null ? "" : value.strip();
    if (stripped.isEmpty()) {
      if (required) {
        throw Refusal.invalid(field, "field.required", "is required");
      }
      return null;
    }
    if (stripped.length() > maxLength) {
      throw Refusal.invalid(
          field,
          "field.tooLong",
          "is " + stripped.length() + " characters long; at most " + maxLength + " are accepted");
    }
    if (TextValidator.hasControlCharacters(stripped)) {
      throw Refusal.invalid(field, "field.controlCharacters", "contains control characters");
    }
    return stripped;
  }

  /** Multi-line text: like {@link #text} but line breaks are kept. */
  static String lines(String field, String value, int maxLength, boolean required) {
    String normalised = value == null ? null : value.replace("\r\n", "\n").replace('\r', '\n');
    String checked =
        text(field, normalised == null ? null : normalised.replace('\n', ' '), maxLength, required);
    return checked == null ? null : normalised.strip();
  }

  /** Checks every field and reports all problems at once, not just the first. */
  static void all(List<Runnable> checks) {
    List<Refusal.Problem> problems = collect(checks);
    if (!problems.isEmpty()) {
      throw new Refusal(RefusalCode.INVALID_INPUT, problems);
    }
  }

  /** Runs every check and returns the problems found, without throwing. */
  static List<Refusal.Problem> collect(List<Runnable> checks) {
    List<Refusal.Problem> problems = new java.util.ArrayList<>();
    for (Runnable check : checks) {
      try {
        check.run();
      } catch (Refusal refusal) {
        problems.addAll(refusal.problems());
      }
    }
    return problems;
  }
}
