package org.egovca.ca.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevocationReasonTest {

  @Test
  void everyCpsConditionAToJHasExactlyOneReason() {
    for (char letter = 'A'; letter <= 'J'; letter++) {
      Optional<RevocationReason> reason = RevocationReason.parse(String.valueOf(letter));
      assertTrue(reason.isPresent(), "condition " + letter);
      assertEquals(Optional.of(letter), reason.get().cpsCondition());
      assertEquals(reason, RevocationReason.parse(String.valueOf(letter).toLowerCase()));
    }
  }

  @Test
  void keyCompromiseConditionsMapToRfc5280KeyCompromise() {
    assertEquals(Optional.of(1), RevocationReason.E_KEY_COMPROMISE.crlReason());
    assertEquals(Optional.of(1), RevocationReason.F_EMPLOYEE_KEY_COMPROMISE.crlReason());
  }

  @Test
  void otherConditionsMapToTheirRfc5280Reasons() {
    assertEquals(Optional.of(3), RevocationReason.A_AFFILIATION_CHANGED.crlReason());
    assertEquals(Optional.of(5), RevocationReason.G_AGREEMENT_TERMINATED.crlReason());
    assertEquals(Optional.of(9), RevocationReason.C_FALSE_INFORMATION.crlReason());
    assertEquals(Optional.of(4), RevocationReason.SUPERSEDED.crlReason());
  }

  @Test
  void holderRequestCarriesNoReasonCodeInsteadOfUnspecified() {
    assertEquals(Optional.empty(), RevocationReason.H_HOLDER_REQUEST.crlReason());
  }

  @Test
  void namesAreAcceptedAndJunkIsNot() {
    assertEquals(
        Optional.of(RevocationReason.E_KEY_COMPROMISE),
        RevocationReason.parse(" e_key_compromise "));
    assertEquals(Optional.empty(), RevocationReason.parse("Z"));
    assertEquals(Optional.empty(), RevocationReason.parse(""));
    assertEquals(Optional.empty(), RevocationReason.parse(null));
  }

  @Test
  void supersededIsNotACpsCondition() {
    assertEquals(Optional.empty(), RevocationReason.SUPERSEDED.cpsCondition());
  }
}
