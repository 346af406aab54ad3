package org.egovca.ra.domain.validation;

import jakarta.validation.ConstraintValidatorContext;

/** Violations in the domain's own words, kept under the key of their constraint. */
final class Violations {

  private Violations() {}

  /**
   * Replaces the constraint's default message by {@code words} (the specifics the domain gives:
   * which character, which name), on {@code property} of the bean where given.
   */
  static boolean refuse(ConstraintValidatorContext context, String property, String words) {
    context.disableDefaultConstraintViolation();
    var builder = context.buildConstraintViolationWithTemplate(literal(words));
    if (property == null) {
      builder.addConstraintViolation();
    } else {
      builder.addPropertyNode(property).addConstraintViolation();
    }
    return false;
  }

  /** {@code words} as a message template that interpolates to itself. */
  static String literal(String words) {
    return words.replaceAll("([\\\\{}$])", "\\\\$1");
  }
}
