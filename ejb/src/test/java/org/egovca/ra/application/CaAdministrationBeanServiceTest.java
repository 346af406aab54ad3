package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.admin2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.DualControlRequest;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin SOAP service says the console's refusals in its own words: NOT_AUTHORIZED for who may
 * not (separation of duties included), MALFORMED_REQUEST naming what is wrong.
 */
@ExtendWith(ServiceTier.class)
class CaAdministrationBeanServiceTest {

  @Inject CaAdministration service;
  @Inject OperatorAdministration administration;

  @Test
  void aMalformedUnitCodeIsInvalidInputNamingTheField() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> service.createApplicationUnit(admin().credentials(), "a b", "Unit"));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertTrue(refused.getMessage().startsWith("unitCode: "), refused.getMessage());
  }

  @Test
  void approvingOnesOwnRequestBreaksTheSeparationOfDuties() {
    DualControlRequestView request =
        administration.requestOperator(
            admin().token(),
            RaServiceFixtures.newOperatorForm(
                RaServiceFixtures.uniqueName("soap"), OperatorRole.AUDITOR, null));
    Refusal refused =
        assertThrows(
            Refusal.class, () -> service.approveRequest(admin().credentials(), request.id(), null));
    assertEquals(RefusalCode.SEPARATION_OF_DUTIES, refused.code());
    assertEquals(DualControlRequest.State.PENDING, RaServiceFixtures.stateOf(request.id()));
    service.withdrawRequest(admin().credentials(), request.id());
  }

  @Test
  void anUnknownRequestIsNotFound() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> service.rejectRequest(admin2().credentials(), Long.MAX_VALUE, null));
    assertEquals(RefusalCode.NOT_FOUND, refused.code());
    assertTrue(refused.getMessage().contains("no request"), refused.getMessage());
  }

  @Test
  void aKeyRolloverOfAnUnknownCaIsRefused() {
    Refusal refused =
        assertThrows(
            Refusal.class, () -> service.rollOverCaKey(admin().credentials(), "no-such-ca"));
    assertEquals(RefusalCode.CA_UNAVAILABLE, refused.code());
  }

  @Test
  void aNewPasswordBreakingTheRulesIsInvalidInputAndChangesNothing() {
    Staff admin2 = admin2();
    String before = RaServiceFixtures.stored(admin2.username).getPasswordHash();
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> service.changePassword(admin2.credentials(), "admin2admin2".toCharArray()));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertTrue(refused.getMessage().contains("newPassword"), refused.getMessage());
    assertEquals(before, RaServiceFixtures.stored(admin2.username).getPasswordHash());
  }

  @Test
  void anOperatorWithoutThePermissionCannotCreateAUnit() {
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                service.createApplicationUnit(
                    RaServiceFixtures.shared(OperatorRole.REVIEWER).credentials(),
                    RaServiceFixtures.uniqueName("u"),
                    "Unit"));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertTrue(refused.getMessage().contains("needs MANAGE_OPERATORS"), refused.getMessage());
  }
}
