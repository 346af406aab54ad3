package org.egovca.ra.domain.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An identity document as a form holds it, in two properties: its type is one a person may present
 * ({@link PersonalDocuments}; {@code applicant.documentType} on {@link #type}), and its number has
 * the format and check character of that type's standard, such as the check digit of GB 11643 for a
 * resident ID card ({@code applicant.documentNumber} on {@link #number}). A blank type or number is
 * valid (whether they are required depends on the application) unless the document is {@link
 * #complete}; with {@link #holder} set, the document is only checked when that property, the
 * holder's name, is filled in.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Repeatable(IdDocument.List.class)
@Constraint(validatedBy = IdDocumentValidator.class)
public @interface IdDocument {

  String message() default "{applicant.documentNumber}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The property with the document type, an {@code IdentifierKind} name. */
  String type();

  /** The property with the document number. */
  String number();

  /** The property with the name of the document's holder, or "" when always checked. */
  String holder() default "";

  /**
   * Whether the document is given whole or not at all: a type without a number, or a number without
   * a type, is refused on the missing one ({@code field.required}).
   */
  boolean complete() default false;

  /** Several documents on one form (the applicant's and the agent's). */
  @Target(TYPE)
  @Retention(RUNTIME)
  @interface List {
    IdDocument[] value();
  }
}
