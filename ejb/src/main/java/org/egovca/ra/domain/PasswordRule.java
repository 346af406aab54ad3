package org.egovca.ra.domain;

/** The password rules of CPS §6.5.2.4 (B to G; A, "chosen by the user", is the workflow's). */
public enum PasswordRule {
  /** B. at least 8 characters. */
  MIN_LENGTH("at least " + PasswordPolicy.MIN_LENGTH + " characters (CPS 6.5.2.4 B)"),
  /** C. at least one letter and one digit. */
  LETTER_AND_DIGIT("at least one letter and one digit (CPS 6.5.2.4 C)"),
  /** D. at least one lower-case letter. */
  LOWER_CASE("at least one lower-case letter (CPS 6.5.2.4 D)"),
  /** E. not many identical characters. */
  REPEATED_CHARACTERS(
      "no character "
          + PasswordPolicy.MAX_RUN
          + " or more times in a row, nor in more than half of the password (CPS 6.5.2.4 E)"),
  /** F. not the operator's name. */
  NOT_THE_NAME("not the operator's name (CPS 6.5.2.4 F)"),
  /** G. no long substring of the user name. */
  USERNAME_SUBSTRING(
      "no "
          + PasswordPolicy.USERNAME_FRAGMENT
          + " or more consecutive characters of the user name (CPS 6.5.2.4 G)"),
  /** A length bound of our own, so that hashing stays cheap and input stays sane. */
  MAX_LENGTH("at most " + PasswordPolicy.MAX_LENGTH + " characters, no control characters");

  private final String requirement;

  PasswordRule(String requirement) {
    this.requirement = requirement;
  }

  /** What the rule requires, in English; the console translates the rule by its name. */
  public String requirement() {
    return requirement;
  }
}
