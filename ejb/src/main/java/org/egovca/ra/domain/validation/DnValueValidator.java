package org.egovca.ra.domain.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;

/** Checks {@link DnValue}. */
public class DnValueValidator implements ConstraintValidator<DnValue, String> {

  /** Characters with a meaning in RFC 4514 DN syntax, or in an HTML page. */
  private static final Pattern DN_SYNTAX = Pattern.compile("[,=+<>#;\\\\\"]");

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || !carriesDnSyntax(value);
  }

  /** Whether {@code text} holds a character of DN syntax. */
  public static boolean carriesDnSyntax(String text) {
    return DN_SYNTAX.matcher(text).find();
  }
}
