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
 * Host names or IP addresses, one per line, that a certificate's subjectAltName can carry (the CA's
 * own rules, {@link org.egovca.ca.x509.SubjectAltNames}), at most {@link #max} of them ({@code
 * application.hostNames}). Null and blank are valid.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = HostNamesValidator.class)
public @interface HostNames {

  String message() default "{application.hostNames}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  int max() default 20;
}
