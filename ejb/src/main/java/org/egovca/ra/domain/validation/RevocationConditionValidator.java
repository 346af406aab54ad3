package org.egovca.ra.domain.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;
import org.egovca.ca.domain.RevocationReason;

/** Checks {@link RevocationCondition}. */
public class RevocationConditionValidator
    implements ConstraintValidator<RevocationCondition, String> {

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || value.isBlank() || condition(value).isPresent();
  }

  /** The reason of the CPS condition {@code value} names, by its letter or its name. */
  public static Optional<RevocationReason> condition(String value) {
    return RevocationReason.parse(value).filter(r -> r.cpsCondition().isPresent());
  }
}
