package org.egovca.custody.application;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.egovca.ca.domain.CaRevocationReason;
import org.egovca.ca.domain.Refusal;

/**
 * What a key ceremony at the console is held for besides the custodians present, by parameter name;
 * the names are the ids of the console's fields, so that a refusal is shown next to its field. A
 * missing or oversized one is refused naming it, before the ceremony starts (nothing is recorded:
 * nothing was attempted).
 */
final class CeremonyParameters {

  /** The alias of the CA key a backup, restore or destruction is held for. */
  static final String KEY = "key";

  /** The directory (absolute, new or empty) a backup is written into. */
  static final String LOCATION = "location";

  /** The name of the CA whose certificate the root revokes. */
  static final String CA = "ca";

  /** Why: CA_COMPROMISE or CESSATION_OF_OPERATION. */
  static final String REASON = "reason";

  /** The number of the approved dual-control request a CA key rollover carries out. */
  static final String REQUEST = "request";

  /** The usernames of the five custodians a re-sharing gives the new shares to. */
  static final String NEW_CUSTODIANS = "newCustodians";

  private static final int MAX_LENGTH = 1024;

  private final Map<String, String> values;

  CeremonyParameters(Map<String, String> values) {
    this.values = values == null ? Map.of() : Map.copyOf(values);
  }

  /** The parameter {@code name}, without surrounding blanks. */
  String text(String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw Refusal.invalid(name, "ceremony.parameterMissing", "this ceremony needs the " + name);
    }
    if (value.length() > MAX_LENGTH) {
      throw Refusal.invalid(
          name, null, "the " + name + " has more than " + MAX_LENGTH + " characters");
    }
    return value.strip();
  }

  /** The usernames listed in the parameter {@code name}, separated by commas or blanks. */
  List<String> usernames(String name) {
    return Arrays.stream(text(name).split("[,\\s]+")).filter(u -> !u.isEmpty()).toList();
  }

  /** The request number in the parameter {@code name}. */
  long number(String name) {
    String value = text(name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw Refusal.invalid(name, null, "the " + name + " is a number, not " + value);
    }
  }

  /** The reason for a CA's revocation named in the parameter {@code name}. */
  CaRevocationReason caRevocationReason(String name) {
    String value = text(name);
    try {
      return CaRevocationReason.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(
          name, null, "a CA is revoked for CA_COMPROMISE or CESSATION_OF_OPERATION, not " + value);
    }
  }
}
