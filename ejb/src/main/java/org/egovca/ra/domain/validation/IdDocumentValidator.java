package org.egovca.ra.domain.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import org.egovca.ca.domain.IdentifierKind;

/** Checks {@link IdDocument} with the CA domain's rules for each kind of document. */
public class IdDocumentValidator implements ConstraintValidator<IdDocument, Object> {

  private IdDocument document;

  @Override
  public void initialize(IdDocument document) {
    this.document = document;
  }

  @Override
  public boolean isValid(Object form, ConstraintValidatorContext context) {
    if (form == null
        || (!document.holder().isEmpty() && isBlank(property(form, document.holder())))) {
      return true;
    }
    String type = property(form, document.type());
    String number = property(form, document.number());
    if (isBlank(type)) {
      return isBlank(number) || !document.complete() || required(context, document.type());
    }
    IdentifierKind kind = PersonalDocuments.kind(type);
    if (kind == null) {
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate("{applicant.documentType}")
          .addPropertyNode(document.type())
          .addConstraintViolation();
      return false;
    }
    if (isBlank(number)) {
      return !document.complete() || required(context, document.number());
    }
    String text = number.strip().toUpperCase(Locale.ROOT);
    String problem = kind.problemWith(text);
    return problem == null || Violations.refuse(context, document.number(), text + " " + problem);
  }

  /** A violation on {@code property}: it is required. */
  private static boolean required(ConstraintValidatorContext context, String property) {
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate("{field.required}")
        .addPropertyNode(property)
        .addConstraintViolation();
    return false;
  }

  /** The text of the bean property {@code name} of {@code form} (its getter's value). */
  private static String property(Object form, String name) {
    String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    try {
      Object value = form.getClass().getMethod(getter).invoke(form);
      return value == null ? null : value.toString();
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(form.getClass() + " has no readable property " + name, e);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
