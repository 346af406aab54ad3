package org.egovca.ra.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks a new operator password against the rules of CPS §6.5.2.4. */
public final class PasswordPolicy {

  static final int MIN_LENGTH = 8;
  static final int MAX_LENGTH = 128;

  /** A run of this many identical characters is "many identical characters". */
  static final int MAX_RUN = 3;

  /** A substring of the user name this long is a "longer substring". */
  static final int USERNAME_FRAGMENT = 4;

  private PasswordPolicy() {}

  /** The rules {@code password} breaks for the operator {@code username} / {@code name}. */
  public static List<PasswordRule> violations(String password, String username, String name) {
    List<PasswordRule> broken = new ArrayList<>();
    if (password.length() < MIN_LENGTH) {
      broken.add(PasswordRule.MIN_LENGTH);
    }
    if (password.length() > MAX_LENGTH || password.chars().anyMatch(Character::isISOControl)) {
      broken.add(PasswordRule.MAX_LENGTH);
    }
    if (password.chars().noneMatch(Character::isLetter)
        || password.chars().noneMatch(Character::isDigit)) {
      broken.add(PasswordRule.LETTER_AND_DIGIT);
    }
    if (password.chars().noneMatch(Character::isLowerCase)) {
      broken.add(PasswordRule.LOWER_CASE);
    }
    if (hasLongRun(password) || dominatedByOneCharacter(password)) {
      broken.add(PasswordRule.REPEATED_CHARACTERS);
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (sameName(lower, username) || sameName(lower, name)) {
      broken.add(PasswordRule.NOT_THE_NAME);
    }
    if (containsFragmentOf(lower, username)) {
      broken.add(PasswordRule.USERNAME_SUBSTRING);
    }
    return broken;
  }

  private static boolean hasLongRun(String password) {
    int run = 1;
    for (int i = 1; i < password.length(); i++) {
      run = password.charAt(i) == password.charAt(i - 1) ? run + 1 : 1;
      if (run >= MAX_RUN) {
        return true;
      }
    }
    return false;
  }

  private static boolean dominatedByOneCharacter(String password) {
    Map<Integer, Integer> counts = new HashMap<>();
    password.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
    return counts.values().stream().anyMatch(count -> count * 2 > password.length());
  }

  private static boolean sameName(String lowerPassword, String name) {
    if (name == null || name.isBlank()) {
      return false;
    }
    String lowerName = name.toLowerCase(Locale.ROOT);
    return lowerPassword.equals(lowerName) || lowerPassword.equals(lowerName.replace(" ", ""));
  }

  private static boolean containsFragmentOf(String lowerPassword, String username) {
    if (username == null) {
      return false;
    }
    String lowerUsername = username.toLowerCase(Locale.ROOT);
    for (int start = 0; start + USERNAME_FRAGMENT <= lowerUsername.length(); start++) {
      if (lowerPassword.contains(lowerUsername.substring(start, start + USERNAME_FRAGMENT))) {
        return true;
      }
    }
    return false;
  }
}
