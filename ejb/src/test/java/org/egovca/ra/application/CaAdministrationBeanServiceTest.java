package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.admin2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.ca.domain.CaRequestException;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.PendingAction;
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
  void aMalformedUnitCodeIsAMalformedRequestNamingTheField() {
    CaRequestException refused =
        assertThrows(
            CaRequestException.class,
            () -> service.createApplicationUnit(admin().credentials(), "a b", "Unit"));
    assertEquals(CaRequestException.Reason.MALFORMED_REQUEST, refused.reason());
    assertTrue(refused.getMessage().startsWith("unitCode: "), refused.getMessage());
  }

  @Test
  void approvingOnesOwnRequestIsNotAuthorised() {
    PendingActionView request =
        administration.requestOperator(
            admin().token(),
            RaServiceFixtures.newOperatorForm(
                RaServiceFixtures.uniqueName("soap"), OperatorRole.AUDITOR, null));
    CaRequestException refused =
        assertThrows(
            CaRequestException.class,
            () -> service.approveRequest(admin().credentials(), request.id(), null));
    assertEquals(CaRequestException.Reason.NOT_AUTHORIZED, refused.reason());
    assertEquals(PendingAction.State.PENDING, RaServiceFixtures.stateOf(request.id()));
    service.withdrawRequest(admin().credentials(), request.id());
  }

  @Test
  void anUnknownRequestIsAMalformedRequest() {
    CaRequestException refused =
        assertThrows(
            CaRequestException.class,
            () -> service.rejectRequest(admin2().credentials(), Long.MAX_VALUE, null));
    assertEquals(CaRequestException.Reason.MALFORMED_REQUEST, refused.reason());
    assertTrue(refused.getMessage().contains("no request"), refused.getMessage());
  }

  @Test
  void aKeyRolloverOfAnUnknownCaIsRefused() {
    CaRequestException refused =
        assertThrows(
            CaRequestException.class,
            () -> service.rollOverCaKey(admin().credentials(), "no-such-ca"));
    assertEquals(CaRequestException.Reason.CA_UNAVAILABLE, refused.reason());
  }

  @Test
  void aNewPasswordBreakingTheRulesIsAMalformedRequestAndChangesNothing() {
    Staff admin2 = admin2();
    String before = RaServiceFixtures.stored(admin2.username).getPasswordHash();
    CaRequestException refused =
        assertThrows(
            CaRequestException.class,
            () -> service.changePassword(admin2.credentials(), "admin2admin2".toCharArray()));
    assertEquals(CaRequestException.Reason.MALFORMED_REQUEST, refused.reason());
    assertTrue(refused.getMessage().contains("newPassword"), refused.getMessage());
    assertEquals(before, RaServiceFixtures.stored(admin2.username).getPasswordHash());
  }

  @Test
  void anOperatorWithoutThePermissionCannotCreateAUnit() {
    CaRequestException refused =
        assertThrows(
            CaRequestException.class,
            () ->
                service.createApplicationUnit(
                    RaServiceFixtures.shared(OperatorRole.REVIEWER).credentials(),
                    RaServiceFixtures.uniqueName("u"),
                    "Unit"));
    assertEquals(CaRequestException.Reason.NOT_AUTHORIZED, refused.reason());
    assertTrue(refused.getMessage().contains("needs MANAGE_OPERATORS"), refused.getMessage());
  }
}
