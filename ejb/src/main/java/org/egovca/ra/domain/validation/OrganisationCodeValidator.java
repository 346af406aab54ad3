package org.egovca.ra.domain.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import org.egovca.ca.domain.IdentifierKind;

/** Checks {@link OrganisationCode} with the CA domain's rules for both kinds of code. */
public class OrganisationCodeValidator implements ConstraintValidator<OrganisationCode, String> {

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null || value.isBlank()) {
      return true;
    }
    String problem = problemWith(value);
    return problem == null || Violations.refuse(context, null, problem);
  }

  /** Why {@code value} is neither kind of organisation code, in English, or null when it is one. */
  public static String problemWith(String value) {
    String text = value.strip().toUpperCase(Locale.ROOT);
    IdentifierKind kind =
        text.length() == 18
            ? IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE
            : IdentifierKind.ORGANISATION_CODE;
    String problem = kind.problemWith(text);
    return problem == null ? null : text + " " + problem;
  }
}
