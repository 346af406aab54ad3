package org.egovca.ra.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private static final String USERNAME = "zhangsan";
  private static final String NAME = "Zhang San";

  private static List<PasswordRule> violations(String password) {
    return PasswordPolicy.violations(password, USERNAME, NAME);
  }

  @Test
  void goodPasswordBreaksNoRule() {
    assertEquals(List.of(), violations("blue7Horse!x"));
  }

  @Test
  void sevenCharactersBreakOnlyMinLength() {
    assertEquals(List.of(PasswordRule.MIN_LENGTH), violations("ab3Cd9x"));
  }

  @Test
  void eightCharactersAreLongEnough() {
    assertEquals(List.of(), violations("ab3Cd9xy"));
  }

  @Test
  void passwordWithoutDigitBreaksOnlyLetterAndDigit() {
    assertEquals(List.of(PasswordRule.LETTER_AND_DIGIT), violations("blueHorse!x"));
  }

  @Test
  void passwordWithoutLetterBreaksLetterAndDigitAndHasNoLowerCaseEither() {
    assertEquals(
        List.of(PasswordRule.LETTER_AND_DIGIT, PasswordRule.LOWER_CASE), violations("1234-5678"));
  }

  @Test
  void passwordWithoutLowerCaseBreaksOnlyLowerCase() {
    assertEquals(List.of(PasswordRule.LOWER_CASE), violations("BLUE7HORSE!X"));
  }

  @Test
  void runOfThreeIdenticalCharactersBreaksRepeatedCharacters() {
    assertEquals(List.of(PasswordRule.REPEATED_CHARACTERS), violations("blue7Hooorse"));
  }

  @Test
  void runOfTwoIdenticalCharactersIsAllowed() {
    assertEquals(List.of(), violations("blue7Hoorse"));
  }

  @Test
  void oneCharacterInMoreThanHalfThePasswordBreaksRepeatedCharacters() {
    // 'a' is 5 of 9 characters, never three in a row.
    assertEquals(List.of(PasswordRule.REPEATED_CHARACTERS), violations("a1a2a3a4a"));
  }

  @Test
  void oneCharacterInExactlyHalfThePasswordIsAllowed() {
    assertEquals(List.of(), violations("a1a2a3a4"));
  }

  @Test
  void displayNameIgnoringCaseBreaksNotTheName() {
    assertEquals(
        List.of(PasswordRule.NOT_THE_NAME),
        PasswordPolicy.violations("WANG fang 2024", "operator7", "Wang Fang 2024"));
  }

  @Test
  void displayNameWithoutItsSpacesBreaksNotTheName() {
    assertEquals(
        List.of(PasswordRule.NOT_THE_NAME),
        PasswordPolicy.violations("wangfang2024", "operator7", "Wang Fang 2024"));
  }

  @Test
  void userNameIgnoringCaseBreaksNotTheNameAndNecessarilyUsernameSubstring() {
    assertEquals(
        List.of(PasswordRule.NOT_THE_NAME, PasswordRule.USERNAME_SUBSTRING),
        PasswordPolicy.violations("LI4ming88", "li4Ming88", "Li Ming"));
  }

  @Test
  void fourConsecutiveCharactersOfTheUserNameIgnoringCaseBreakUsernameSubstring() {
    // "HANG" is characters 2 to 5 of "zhangsan".
    assertEquals(List.of(PasswordRule.USERNAME_SUBSTRING), violations("x7HANGwq"));
  }

  @Test
  void threeConsecutiveCharactersOfTheUserNameAreAllowed() {
    assertEquals(List.of(), violations("x7HANwqk"));
  }

  @Test
  void controlCharacterBreaksMaxLength() {
    assertEquals(List.of(PasswordRule.MAX_LENGTH), violations("blue7Hor\u0000se"));
    assertEquals(List.of(PasswordRule.MAX_LENGTH), violations("blue7Hor\tse"));
  }

  @Test
  void passwordOf129CharactersBreaksMaxLength() {
    String password = "abc1".repeat(33).substring(0, 129);

    assertEquals(List.of(PasswordRule.MAX_LENGTH), violations(password));
  }

  @Test
  void passwordOf128CharactersIsAllowed() {
    assertEquals(List.of(), violations("abc1".repeat(32)));
  }

  @Test
  void missingUserNameAndDisplayNameAreNotCompared() {
    assertEquals(List.of(), PasswordPolicy.violations("blue7Horse!x", null, null));
  }

  @Test
  void everyRuleNamesItsCpsClauseOrBound() {
    assertEquals("at least 8 characters (CPS 6.5.2.4 B)", PasswordRule.MIN_LENGTH.requirement());
    assertEquals(
        "no 4 or more consecutive characters of the user name (CPS 6.5.2.4 G)",
        PasswordRule.USERNAME_SUBSTRING.requirement());
    assertEquals(
        "at most 128 characters, no control characters", PasswordRule.MAX_LENGTH.requirement());
  }
}
