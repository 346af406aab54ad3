package org.egovca.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Typed reading of the directory's configuration properties. A blank value counts as unset, so a
 * JVM option left empty falls back to the documented default; a malformed value fails with an
 * {@link IllegalArgumentException} that names the property, so an operator knows which JVM option
 * to fix.
 */
final class ConfigurationValues {

  private final UnaryOperator<String> properties;

  /**
   * @param properties a property name to its value, or null when it is not set
   */
  ConfigurationValues(UnaryOperator<String> properties) {
    this.properties = properties;
  }

  /** The raw value, null when unset (blank values included). */
  String raw(String name) {
    String value = properties.apply(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /**
   * The value exactly as given, for secrets whose spaces may be significant; null when unset or
   * empty.
   */
  String verbatim(String name) {
    String value = properties.apply(name);
    return value == null || value.isEmpty() ? null : value;
  }

  String text(String name, String fallback) {
    String value = raw(name);
    return value == null ? fallback : value;
  }

  boolean bool(String name, boolean fallback) {
    String value = text(name, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false: " + value);
    };
  }

  int integer(String name, int fallback, int min, int max) {
    String value = text(name, Integer.toString(fallback));
    int parsed;
    try {
      parsed = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer: " + value, e);
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ": " + value);
    }
    return parsed;
  }

  /**
   * One of {@code choices}, written as its configuration name (case-insensitive).
   *
   * @param names the configuration name of each choice
   */
  <E extends Enum<E>> E choice(String name, E fallback, E[] choices, Function<E, String> names) {
    String value = raw(name);
    if (value == null) {
      return fallback;
    }
    List<String> allowed = new ArrayList<>();
    for (E choice : choices) {
      if (names.apply(choice).equalsIgnoreCase(value)) {
        return choice;
      }
      allowed.add(names.apply(choice));
    }
    throw new IllegalArgumentException(name + " must be one of " + allowed + ": " + value);
  }

  /** A comma-separated list, without blank items; empty when unset. */
  List<String> list(String name) {
    String value = raw(name);
    List<String> items = new ArrayList<>();
    if (value != null) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
  }
}
