package org.egovca.ra.application;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;

/**
 * The one place where a form's Bean Validation constraints become the problems of a {@link
 * Refusal}: each violation is a problem on its property, under the key of its message (the
 * constraint's key where the violation carries the domain's own words), with the English text.
 * Problems come in the order of the form's fields, one per field (the first of its constraints, in
 * the order they are written), so a form reads its problems top to bottom as before.
 */
public final class FormValidation {

  private FormValidation() {}

  /** Validators are thread-safe; one serves every form. */
  private static final class Holder {
    static final Validator VALIDATOR = english();

    /** Problems carry English words: the console translates their keys. */
    private static Validator english() {
      var configuration = Validation.byDefaultProvider().configure();
      MessageInterpolator standard = configuration.getDefaultMessageInterpolator();
      MessageInterpolator english =
          new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
              return standard.interpolate(template, context, Locale.ENGLISH);
            }

            @Override
            public String interpolate(String template, Context context, Locale locale) {
              return standard.interpolate(template, context, locale);
            }
          };
      ValidatorFactory factory = configuration.messageInterpolator(english).buildValidatorFactory();
      return factory.getValidator();
    }
  }

  /** Refuses {@code form} with every problem its constraints find. */
  public static void check(Object form) {
    List<Refusal.Problem> problems = problems(form);
    if (!problems.isEmpty()) {
      throw new Refusal(RefusalCode.INVALID_INPUT, problems);
    }
  }

  /**
   * The problems {@code form}'s constraints find, in field order, one per field: the constraints of
   * the default group, or of {@code groups} where given.
   */
  public static List<Refusal.Problem> problems(Object form, Class<?>... groups) {
    Class<?> type = form.getClass();
    List<ConstraintViolation<Object>> violations =
        new ArrayList<>(Holder.VALIDATOR.validate(form, groups));
    violations.sort(
        Comparator.comparingInt((ConstraintViolation<Object> v) -> fieldIndex(type, field(v)))
            .thenComparingInt(v -> constraintIndex(type, v))
            .thenComparing(v -> String.valueOf(field(v))));
    return inFieldOrder(type, violations.stream().map(FormValidation::problem).toList());
  }

  /**
   * {@code problems} of a form of {@code type} sorted by its fields, keeping the first problem of
   * each field and every problem of the form as a whole (they come last).
   */
  static List<Refusal.Problem> inFieldOrder(Class<?> type, List<Refusal.Problem> problems) {
    Map<Object, Refusal.Problem> first = new LinkedHashMap<>();
    problems.stream()
        .sorted(Comparator.comparingInt(p -> fieldIndex(type, p.field())))
        .forEach(p -> first.putIfAbsent(p.field() == null ? new Object() : p.field(), p));
    return List.copyOf(first.values());
  }

  /** The result of {@code step}, or null with its problems added to {@code problems}. */
  static <T> T attempt(List<Refusal.Problem> problems, Supplier<T> step) {
    try {
      return step.get();
    } catch (Refusal refusal) {
      problems.addAll(refusal.problems());
      return null;
    }
  }

  /** Runs {@code check}, adding its problems to {@code problems}. */
  static void collect(List<Refusal.Problem> problems, Runnable check) {
    attempt(
        problems,
        () -> {
          check.run();
          return null;
        });
  }

  /** A violation as a problem of the field it names. */
  static Refusal.Problem problem(ConstraintViolation<?> violation) {
    String key = key(violation.getMessageTemplate());
    if (key == null) {
      key = key(violation.getConstraintDescriptor().getMessageTemplate());
    }
    return new Refusal.Problem(field(violation), key, violation.getMessage());
  }

  /** The bundle key of a template that is just {@code {key}}, else null. */
  private static String key(String template) {
    return template.matches("\\{[^{}]+\\}") ? template.substring(1, template.length() - 1) : null;
  }

  private static String field(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    return path.isEmpty() ? null : path;
  }

  /** The index of the form's field a problem's path starts with ({@code businessTypes[1]…}). */
  private static int fieldIndex(Class<?> type, String field) {
    List<String> names = Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
    int index = field == null ? -1 : names.indexOf(field.split("[.\\[]", 2)[0]);
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  /** Where the violated constraint is written among its field's annotations. */
  private static int constraintIndex(Class<?> type, ConstraintViolation<?> violation) {
    Class<? extends Annotation> constraint =
        violation.getConstraintDescriptor().getAnnotation().annotationType();
    String field = field(violation);
    // a constraint of the whole form names the field it found wanting, its own constraints first
    int index = field == null ? -1 : fieldIndex(type, field);
    if (index == Integer.MAX_VALUE || index < 0) {
      return Integer.MAX_VALUE;
    }
    Annotation[] annotations = type.getDeclaredFields()[index].getAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      if (annotations[i].annotationType() == constraint) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
