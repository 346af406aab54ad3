package org.egovca.servicetier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tier gives session beans the EJB container's transaction rules, which the tests rely on. */
@ExtendWith(ServiceTier.class)
class ServiceTierTest {

  @Inject HarnessProbe probe;

  @BeforeEach
  void table() {
    probe.createTable();
  }

  private static String name() {
    return UUID.randomUUID().toString();
  }

  @Test
  void aCallCommitsAndOnlyThenTellsTheAfterSuccessObservers() {
    String name = name();
    probe.write(name, null);
    assertTrue(probe.exists(name));
    assertTrue(HarnessProbe.COMMITTED.contains(name));
  }

  @Test
  void aSystemExceptionRollsBackReachesTheCallerWrappedAndTellsNoObserver() {
    String name = name();
    EJBException thrown =
        assertThrows(EJBException.class, () -> probe.write(name, new IllegalStateException()));
    assertInstanceOf(IllegalStateException.class, thrown.getCause());
    assertFalse(probe.exists(name));
    assertFalse(HarnessProbe.COMMITTED.contains(name));
  }

  @Test
  void anApplicationExceptionReachesTheCallerAsItIsAndRollsBackOnlyWhenDeclaredSo() {
    String rolledBack = name();
    assertThrows(
        HarnessProbe.RolledBack.class,
        () -> probe.write(rolledBack, new HarnessProbe.RolledBack()));
    assertFalse(probe.exists(rolledBack));
    String kept = name();
    assertThrows(HarnessProbe.Kept.class, () -> probe.write(kept, new HarnessProbe.Kept()));
    assertTrue(probe.exists(kept));
  }

  @Test
  void requiresNewCommitsOnItsOwnWhenTheCallerRollsBack() {
    String inner = name();
    String outer = name();
    assertThrows(EJBException.class, () -> probe.writeInNewTransactionThenFail(inner, outer));
    assertTrue(probe.exists(inner));
    assertFalse(probe.exists(outer));
    assertTrue(HarnessProbe.COMMITTED.contains(inner));
    assertFalse(HarnessProbe.COMMITTED.contains(outer));
  }

  @Test
  void aMandatoryMethodRefusesACallerWithoutATransaction() {
    assertThrows(EJBTransactionRequiredException.class, probe::mandatory);
  }

  @Test
  void theClockMovesForTheServicesAndIsBackBeforeTheNextTest() {
    java.time.Instant before = ServiceTier.clock().instant();
    ServiceTier.clock().advance(java.time.Duration.ofDays(2));
    assertTrue(ServiceTier.clock().instant().isAfter(before.plus(java.time.Duration.ofHours(47))));
  }
}
