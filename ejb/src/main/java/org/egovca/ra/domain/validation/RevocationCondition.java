package org.egovca.ra.domain.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A revocation condition A to J of CPS §6.1.4.8.1, by its letter or its name ({@code
 * change.reason}); the reasons without a condition of the CPS (a superseded certificate) are the
 * CA's own. Null and blank are valid.
 */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = RevocationConditionValidator.class)
public @interface RevocationCondition {

  String message() default "{change.reason}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
