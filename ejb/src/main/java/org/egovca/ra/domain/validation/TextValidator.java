package org.egovca.ra.domain.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Text}. */
public class TextValidator implements ConstraintValidator<Text, String> {

  private int max;
  private boolean lines;

  @Override
  public void initialize(Text text) {
    max = text.max();
    lines = text.lines();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    String text = lines ? value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ') : value;
    String stripped = text.strip();
    if (stripped.length() > max) {
      return false;
    }
    if (hasControlCharacters(stripped)) {
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate("{field.controlCharacters}")
          .addConstraintViolation();
      return false;
    }
    return true;
  }

  /**
   * Whether {@code text} holds characters an operator cannot have meant: controls, format
   * characters (bidirectional overrides), lone surrogates, private-use and unassigned code points.
   */
  public static boolean hasControlCharacters(String text) {
    return text.codePoints().anyMatch(TextValidator::isControl);
  }

  private static boolean isControl(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED;
  }
}
