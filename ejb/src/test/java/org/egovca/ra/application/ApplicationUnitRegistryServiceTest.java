package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.auditEventsAbout;
import static org.egovca.ra.application.RaServiceFixtures.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServiceTier.class)
class ApplicationUnitRegistryServiceTest {

  @Inject OperatorAdministration administration;

  private Refusal refused(String code, String name, String field, String key) {
    Refusal refused =
        assertThrows(Refusal.class, () -> administration.createUnit(admin().token(), code, name));
    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertTrue(
        refused.problems().stream()
            .anyMatch(problem -> field.equals(problem.field()) && key.equals(problem.key())),
        refused.problems().toString());
    return refused;
  }

  @Test
  void aMalformedCodeIsRefusedNamingItAndNothingIsCreated() {
    String code = "bad code " + uniqueName("u");
    refused(code, "Unit", "unitCode", "unit.code");
    assertEquals(0, auditEventsAbout("unit:" + code));
    assertTrue(
        administration.units(admin().token()).stream().noneMatch(u -> u.code().equals(code)));
  }

  @Test
  void aCodeTakenIsRefused() {
    String code = RaServiceFixtures.newUnit();
    refused(code, "Another unit", "unitCode", "unit.exists");
    assertEquals(1, auditEventsAbout("unit:" + code));
  }

  @Test
  void aMissingAndALongNameAreRefusedNamingTheField() {
    Refusal missing = refused(uniqueName("u"), " ", "unitName", "field.required");
    assertEquals(1, missing.problems().size());
    refused(uniqueName("u"), "n".repeat(129), "unitName", "field.tooLong");
  }

  @Test
  void anOperatorWhoIsNoSecurityAdministratorCannotCreateAUnit() {
    String code = uniqueName("u");
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                administration.createUnit(
                    RaServiceFixtures.shared(OperatorRole.ENTRY_CLERK).token(), code, "Unit"));
    assertEquals(RefusalCode.NOT_AUTHORIZED, refused.code());
    assertEquals(0, auditEventsAbout("unit:" + code));
  }
}
