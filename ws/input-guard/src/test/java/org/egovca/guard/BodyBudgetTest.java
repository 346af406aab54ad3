package org.egovca.guard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

  private static final long MIB = 1 << 20;

  @Test
  void largeBodiesShareTheBudgetAndTheNextOneIsRefusedUntilOneEnds() throws Exception {
    BodyBudget budget = new BodyBudget(10 * MIB);
    try (BodyBudget.Reservation first = budget.open();
        BodyBudget.Reservation second = budget.open()) {
      assertTrue(first.cover(6 * MIB));
      assertTrue(second.cover(4 * MIB));
      try (BodyBudget.Reservation third = budget.open()) {
        long start = System.nanoTime();
        assertFalse(third.cover(MIB), "the budget is spent");
        assertTrue(
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 1_900,
            "a request waits a little before it is refused");
      }
      CompletableFuture<Boolean> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try (BodyBudget.Reservation fourth = budget.open()) {
                  return fourth.cover(3 * MIB);
                }
              });
      second.close();
      assertTrue(waiting.get(5, TimeUnit.SECONDS), "the budget given back serves the waiting one");
    }
  }

  @Test
  void smallBodiesNeverWaitAndAGrowingBodyReservesOnlyWhatItAdds() {
    BodyBudget budget = new BodyBudget(2 * MIB);
    try (BodyBudget.Reservation big = budget.open()) {
      assertTrue(big.cover(MIB));
      assertTrue(big.cover(2 * MIB), "growing from 1 to 2 MiB takes one more MiB");
      try (BodyBudget.Reservation small = budget.open()) {
        assertTrue(small.cover(BodyBudget.SMALL_BODY), "an OCSP-sized body needs no budget");
      }
    }
    try (BodyBudget.Reservation again = budget.open()) {
      assertTrue(again.cover(2 * MIB), "closing gave everything back");
    }
  }

  @Test
  void aBodyLargerThanTheWholeBudgetProceedsWhenItHasTheBudgetToItself() {
    BodyBudget budget = new BodyBudget(MIB);
    try (BodyBudget.Reservation huge = budget.open()) {
      assertTrue(huge.cover(64 * MIB));
    }
  }
}
