package org.egovca.ra.domain.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Who asks for a revocation (CPS §6.1.4.8.2), by the name of a {@code RevocationInitiator}: HOLDER,
 * RA, CA, RELYING_PARTY or JUDICIAL_AUTHORITY, in any case ({@code change.initiator}). Null and
 * blank are valid.
 */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = InitiatorValidator.class)
public @interface Initiator {

  String message() default "{change.initiator}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
