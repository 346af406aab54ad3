package org.egovca.ca.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierKindTest {

  @ParameterizedTest
  @CsvSource({
    // GB 11643 example number; the check character of 11010519491231002 is X.
    "RESIDENT_ID_CARD, 11010519491231002X",
    // A published GB 32100 code; its characters 9 to 17 are a valid GB 11714 organisation code.
    "UNIFIED_SOCIAL_CREDIT_CODE, 91350100M000100Y43",
    "ORGANISATION_CODE, M000100Y4",
    "ORGANISATION_CODE, M000100Y-4",
    "PASSPORT, E12345678",
    "IC_REGISTRATION, 110108000000016",
    "TAXATION, 91350100M000100Y43",
    "SOCIAL_INSURANCE, 1234567890"
  })
  void validIdentifiersAreAccepted(IdentifierKind kind, String value) {
    assertNull(kind.problemWith(value));
  }

  @ParameterizedTest
  @CsvSource({
    "RESIDENT_ID_CARD, 110105194912310021, has a wrong check character",
    "RESIDENT_ID_CARD, 1101051949123100, 17 digits and a check digit",
    "UNIFIED_SOCIAL_CREDIT_CODE, 91350100M000100Y44, has a wrong check character",
    "UNIFIED_SOCIAL_CREDIT_CODE, 91350100M000100I43, other than I, O, S, V and Z",
    "ORGANISATION_CODE, M000100Y5, has a wrong check character",
    "PASSPORT, e1, 5 to 17 capital letters"
  })
  void invalidIdentifiersAreRefusedNamingTheProblem(
      IdentifierKind kind, String value, String problem) {
    String message = kind.problemWith(value);
    assertTrue(message != null && message.contains(problem), message);
  }

  @Test
  void holderIdentifierNormalisesCaseAndRefusesBadValues() {
    assertEquals(
        "11010519491231002X",
        new HolderIdentifier(IdentifierKind.RESIDENT_ID_CARD, " 11010519491231002x ").value());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new HolderIdentifier(IdentifierKind.RESIDENT_ID_CARD, "110105194912310021"));
    assertTrue(e.getMessage().contains("wrong check character"), e.getMessage());
  }
}
