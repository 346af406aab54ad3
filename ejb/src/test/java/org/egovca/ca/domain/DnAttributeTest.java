package org.egovca.ca.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DnAttributeTest {

  @ParameterizedTest
  @CsvSource({
    "S, ST",
    "s, ST",
    "ST, ST",
    "EMAILADDRESS, E",
    "emailAddress, E",
    "E, E",
    "cn, CN",
    "' CN ', CN",
    "OU, OU",
    "O, O",
    "L, L",
    "C, C"
  })
  void byNameAcceptsCpsSpellingsCaseInsensitively(String name, DnAttribute expected) {
    assertEquals(Optional.of(expected), DnAttribute.byName(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UID", "SERIALNUMBER", "DC", "", "EMAIL"})
  void byNameIsEmptyForOtherAttributes(String name) {
    assertEquals(Optional.empty(), DnAttribute.byName(name));
  }

  @Test
  void byOidFindsEachAttributeByItsOid() {
    for (DnAttribute attribute : DnAttribute.values()) {
      assertEquals(Optional.of(attribute), DnAttribute.byOid(attribute.oid()));
    }
    assertEquals(Optional.of(DnAttribute.E), DnAttribute.byOid("1.2.840.113549.1.9.1"));
    assertEquals(Optional.of(DnAttribute.ST), DnAttribute.byOid("2.5.4.8"));
    assertEquals(Optional.empty(), DnAttribute.byOid("2.5.4.5"));
  }

  @Test
  void declarationOrderIsTheEncodingOrder() {
    assertEquals(
        List.of(
            DnAttribute.C,
            DnAttribute.ST,
            DnAttribute.L,
            DnAttribute.O,
            DnAttribute.OU,
            DnAttribute.CN,
            DnAttribute.E),
        List.of(DnAttribute.values()));
  }

  @Test
  void onlyOrganisationalUnitIsRepeatable() {
    for (DnAttribute attribute : DnAttribute.values()) {
      assertEquals(attribute == DnAttribute.OU, attribute.repeatable(), attribute.name());
    }
  }

  @Test
  void upperBoundsFollowRfc5280() {
    assertEquals(2, DnAttribute.C.maxLength());
    assertEquals(64, DnAttribute.CN.maxLength());
    assertEquals(64, DnAttribute.O.maxLength());
    assertEquals(64, DnAttribute.OU.maxLength());
    assertEquals(128, DnAttribute.L.maxLength());
    assertEquals(128, DnAttribute.ST.maxLength());
    assertTrue(DnAttribute.E.maxLength() >= 128);
    assertFalse(DnAttribute.CN.repeatable());
  }
}
