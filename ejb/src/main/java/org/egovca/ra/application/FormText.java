package org.egovca.ra.application;

import java.util.List;
import java.util.regex.Pattern;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.validation.DnValueValidator;
import org.egovca.ra.domain.validation.TextValidator;

/**
 * The checks every text an operator types goes through before it is stored: trimmed, bounded in
 * length and free of control characters; subject DN values also free of the characters that carry
 * DN syntax, so that {@code CN=a,O=b} typed into one field can never become two attributes. Other
 * text (names, notes, reasons) is stored as typed and shown escaped.
 */
final class FormText {

  private static final Pattern EMAIL = Pattern.compile(FormPatterns.EMAIL);

  private static final Pattern PHONE = Pattern.compile(FormPatterns.PHONE);

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

  /** A value for one subject DN attribute. */
  static String dnValue(String field, String value, int maxLength, boolean required) {
    String text = text(field, value, maxLength, required);
    if (text != null && DnValueValidator.carriesDnSyntax(text)) {
      throw Refusal.invalid(
          field,
          "field.dnSyntax",
          "contains one of , = + < > # ; \\ \" which a name in a certificate may not carry");
    }
    return text;
  }

  static String email(String field, String value, boolean required) {
    String text = text(field, value, 254, required);
    if (text != null && !EMAIL.matcher(text).matches()) {
      throw Refusal.invalid(field, "field.email", "is not an e-mail address");
    }
    return text;
  }

  static String phone(String field, String value) {
    String text = text(field, value, 32, false);
    if (text != null && !PHONE.matcher(text).matches()) {
      throw Refusal.invalid(field, "field.phone", "is not a telephone number");
    }
    return text;
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
