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
 * A unified social credit code (18 characters, GB 32100) or an organisation code (9, or 10 with
 * '-', GB 11714), with its check character ({@code applicant.organisationCode}). Null and blank are
 * valid.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = OrganisationCodeValidator.class)
public @interface OrganisationCode {

  String message() default "{applicant.organisationCode}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
