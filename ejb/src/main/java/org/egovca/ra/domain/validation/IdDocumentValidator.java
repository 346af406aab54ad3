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
    if (isBlank(type)) {
      return true;
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
    String number = property(form, document.number());
    if (isBlank(number)) {
      return true;
    }
    String text = number.strip().toUpperCase(Locale.ROOT);
    String problem = kind.problemWith(text);
    return problem == null || Violations.refuse(context, document.number(), text + " " + problem);
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
