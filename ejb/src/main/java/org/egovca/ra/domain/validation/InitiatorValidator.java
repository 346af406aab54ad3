package org.egovca.ra.domain.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.egovca.ca.domain.RevocationInitiator;

/** Checks {@link Initiator}. */
public class InitiatorValidator implements ConstraintValidator<Initiator, String> {

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || value.isBlank() || RevocationInitiator.parse(value).isPresent();
  }
}
