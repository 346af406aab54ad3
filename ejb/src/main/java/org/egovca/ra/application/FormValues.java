package org.egovca.ra.application;

import java.util.Locale;

/** A checked form's values as they are kept: trimmed, blank as null, numbers in capitals. */
final class FormValues {

  private FormValues() {}

  static boolean given(String value) {
    return value != null && !value.isBlank();
  }

  /** The trimmed value, or null when blank. */
  static String stripped(String value) {
    return given(value) ? value.strip() : null;
  }

  /** The trimmed value in capitals (an identity document number, a code). */
  static String capitals(String value) {
    return value.strip().toUpperCase(Locale.ROOT);
  }

  /** Multi-line text with its line breaks as {@code \n}, trimmed. */
  static String lines(String value) {
    return value.replace("\r\n", "\n").replace('\r', '\n').strip();
  }
}
