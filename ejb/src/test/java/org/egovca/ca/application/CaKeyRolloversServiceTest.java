package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.ACTOR;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.unique;

import jakarta.inject.Inject;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A key rollover of a CA that does not exist. (A real rollover changes a CA every other test issues
 * from, so this tier leaves it to the end-to-end test with a CA of its own.)
 */
@ExtendWith(ServiceTier.class)
class CaKeyRolloversServiceTest {

  @Inject CaKeyRollovers rollovers;

  @Test
  void aRolloverOfAnUnknownCaIsRefused() {
    String name = unique("no-such-ca-");

    refused(
        RefusalCode.CA_UNAVAILABLE,
        "CA '" + name + "' does not exist",
        () -> ServiceTier.inTransaction(em -> rollovers.rollOver(name, ACTOR)));
  }

  @Test
  void anUnknownCaIsRefusedWhenTheRolloverIsAskedFor() {
    refused(
        RefusalCode.CA_UNAVAILABLE,
        "does not exist",
        () -> ServiceTier.inTransaction(em -> rollovers.existing("nobody")));
  }
}
