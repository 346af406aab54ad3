package org.egovca.sync;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The field rules every sync message obeys, so that its canonical payload is unambiguous and the
 * same in any language: no control characters in text (the payload separates fields by line feeds),
 * well-formed Unicode (a lone surrogate has no UTF-8 form), identifiers in one spelling only, and
 * instants in whole seconds within the years GeneralizedTime can carry. Every violation is an
 * {@link IllegalArgumentException} naming the field, which a receiver reports as MALFORMED.
 */
final class MessageFields {

  static final Pattern MESSAGE_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  static final Pattern CA_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  static final Pattern SYSTEM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9_-]{2,32}");
  static final Pattern SERIAL_NUMBER = Pattern.compile("0|[1-9a-f][0-9a-f]{0,39}");
  static final Pattern CRL_NUMBER = Pattern.compile("0|[1-9][0-9]{0,48}");

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private MessageFields() {}

  static <T> T required(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  static String matching(String field, String value, Pattern pattern) {
    if (!pattern.matcher(required(field, value)).matches()) {
      throw new IllegalArgumentException(field + " must match " + pattern.pattern());
    }
    return value;
  }

  /** Required free text: not empty, no control characters, well-formed UTF-16. */
  static String text(String field, String value) {
    if (required(field, value).isEmpty()) {
      throw new IllegalArgumentException(field + " is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            field + " contains the control character U+" + String.format("%04X", (int) c));
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(field + " contains a lone surrogate");
      }
    }
    return value;
  }

  /** Optional free text: absent and empty are the same (null), as in the canonical payload. */
  static String optionalText(String field, String value) {
    return value == null || value.isEmpty() ? null : text(field, value);
  }

  /** An instant truncated to whole seconds, the precision of X.509 times and of the payload. */
  static Instant instant(String field, Instant value) {
    Instant seconds = required(field, value).truncatedTo(ChronoUnit.SECONDS);
    if (seconds.isBefore(EARLIEST) || seconds.isAfter(LATEST)) {
      throw new IllegalArgumentException(field + " is outside the years 0001 to 9999");
    }
    return seconds;
  }

  static Instant optionalInstant(String field, Instant value) {
    return value == null ? null : instant(field, value);
  }

  /** A defensive copy of required binary content. */
  static byte[] der(String field, byte[] value) {
    if (required(field, value).length == 0) {
      throw new IllegalArgumentException(field + " is empty");
    }
    return value.clone();
  }
}
