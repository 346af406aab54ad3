package org.egovca.hsm.sharing;

import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rules for the PIN a key custodian chooses for their sealed share. The CPS asks for strong
 * passwords as activation data (§6.5.2.4); the rules stay modest because the real protection is
 * Argon2id's cost per guess and a PIN the custodian can type under observation at a ceremony:
 *
 * <ul>
 *   <li>{@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters;
 *   <li>not only digits: a number is the PIN of a card that locks after a few tries, and a sealed
 *       share does not lock, so its PIN must be a password;
 *   <li>at least {@value #MIN_DISTINCT_CHARACTERS} different characters, against {@code aaaaaaaa}
 *       or {@code abcdabcd};
 *   <li>printable ASCII only (letters, digits, punctuation and space): a custodian must be able to
 *       type the same bytes on the console and on the keyboard of an offline machine's command
 *       line, and a share whose PIN can no longer be typed is lost.
 * </ul>
 */
public final class CustodianPins {
  /** The fewest characters a custodian's PIN has. */
  public static final int MIN_LENGTH = 8;

  /** The most characters a custodian's PIN has. */
  public static final int MAX_LENGTH = 128;

  /** The fewest different characters a custodian's PIN has. */
  public static final int MIN_DISTINCT_CHARACTERS = 5;

  /** What can be wrong with a PIN; the caller turns each into a message for the custodian. */
  public enum Problem {
    /** Fewer than {@value CustodianPins#MIN_LENGTH} characters. */
    TOO_SHORT,
    /** More than {@value CustodianPins#MAX_LENGTH} characters. */
    TOO_LONG,
    /** Nothing but the digits 0 to 9. */
    ONLY_DIGITS,
    /** Fewer than {@value CustodianPins#MIN_DISTINCT_CHARACTERS} different characters. */
    TOO_FEW_DISTINCT_CHARACTERS,
    /** A character outside printable ASCII (U+0020 to U+007E). */
    NOT_PRINTABLE_ASCII
  }

  private CustodianPins() {}

  /**
   * Checks a PIN a custodian has chosen.
   *
   * @param pin the PIN; not modified and not kept
   * @return the problems found, none for an acceptable PIN (unmodifiable)
   */
  public static Set<Problem> check(char[] pin) {
    Set<Problem> problems = EnumSet.noneOf(Problem.class);
    if (pin.length < MIN_LENGTH) {
      problems.add(Problem.TOO_SHORT);
    }
    if (pin.length > MAX_LENGTH) {
      problems.add(Problem.TOO_LONG);
    }
    boolean onlyDigits = true;
    BitSet distinct = new BitSet();
    for (char c : pin) {
      onlyDigits &= c >= '0' && c <= '9';
      distinct.set(c);
      if (c < 0x20 || c > 0x7e) {
        problems.add(Problem.NOT_PRINTABLE_ASCII);
      }
    }
    if (onlyDigits && pin.length > 0) {
      problems.add(Problem.ONLY_DIGITS);
    }
    if (distinct.cardinality() < MIN_DISTINCT_CHARACTERS) {
      problems.add(Problem.TOO_FEW_DISTINCT_CHARACTERS);
    }
    return Collections.unmodifiableSet(problems);
  }
}
