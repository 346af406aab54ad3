package org.egovca.ra.domain.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text an operator may type: at most {@link #max} characters once trimmed and free of control
 * characters ({@code field.tooLong}, {@code field.controlCharacters}). Null and blank are valid:
 * whether a field is required is a constraint of its own.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = TextValidator.class)
public @interface Text {

  String message() default "{field.tooLong}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The most characters accepted, counted after trimming. */
  int max();

  /** Multi-line text: line breaks count as one character and are not control characters. */
  boolean lines() default false;
}
