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
 * A value for one attribute of a subject DN: none of the characters that carry RFC 4514 DN syntax
 * (or HTML), so that {@code CN=a,O=b} typed into one field can never become two attributes ({@code
 * field.dnSyntax}). Null is valid.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = DnValueValidator.class)
public @interface DnValue {

  String message() default "{field.dnSyntax}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
