package org.egovca.hsm.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.egovca.hsm.sharing.CustodianPins.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustodianPinsTest {

  @ParameterizedTest
  @ValueSource(strings = {"correct horse", "Tr0ub4dor&3", "12345abc", "a1b2c3d4e5"})
  void acceptsPasswordsOfEightOrMoreVariedPrintableCharacters(String pin) {
    assertEquals(Set.of(), CustodianPins.check(pin.toCharArray()));
  }

  @Test
  void refusesShortLongNumericAndMonotonousPins() {
    assertEquals(Set.of(Problem.TOO_SHORT), check("abc1234"));
    assertEquals(Set.of(Problem.TOO_LONG), check("abcdefgh".repeat(16) + "x"));
    assertEquals(Set.of(), check("abcdefgh".repeat(16)));
    assertEquals(Set.of(Problem.ONLY_DIGITS), check("31415926535"));
    assertEquals(Set.of(Problem.TOO_FEW_DISTINCT_CHARACTERS), check("abcdabcd"));
    assertEquals(
        Set.of(Problem.TOO_SHORT, Problem.ONLY_DIGITS, Problem.TOO_FEW_DISTINCT_CHARACTERS),
        check("1111"));
    assertEquals(Set.of(Problem.TOO_SHORT, Problem.TOO_FEW_DISTINCT_CHARACTERS), check(""));
  }

  @Test
  void refusesCharactersOutsidePrintableAscii() {
    assertEquals(Set.of(Problem.NOT_PRINTABLE_ASCII), check("密钥分管员password"));
    assertEquals(Set.of(Problem.NOT_PRINTABLE_ASCII), check("pass\tword"));
    assertEquals(Set.of(Problem.NOT_PRINTABLE_ASCII), check("passwörd"));
  }

  @Test
  void leavesThePinAsItWas() {
    char[] pin = "Tr0ub4dor&3".toCharArray();

    CustodianPins.check(pin);

    assertArrayEquals("Tr0ub4dor&3".toCharArray(), pin);
  }

  private static Set<Problem> check(String pin) {
    return CustodianPins.check(pin.toCharArray());
  }
}
