package org.egovca.ca.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.egovca.hsm.TokenStatus;
import org.junit.jupiter.api.Test;

/** A token's state is news once per change, so a job that finds it offline logs it once. */
class TokenStateChangesTest {

  private final TokenStateChanges changes = new TokenStateChanges();

  @Test
  void anActiveTokenIsNoNewsUntilItGoesOfflineAndEachChangeIsNewsOnce() {
    assertEquals(Optional.empty(), changes.seen("ca", TokenStatus.ACTIVE));
    assertEquals(Optional.empty(), changes.seen("ca", TokenStatus.ACTIVE));

    assertEquals(Optional.of(TokenStatus.OFFLINE), changes.seen("ca", TokenStatus.OFFLINE));
    assertEquals(Optional.empty(), changes.seen("ca", TokenStatus.OFFLINE));
    assertEquals(Optional.empty(), changes.seen("ca", TokenStatus.OFFLINE));

    assertEquals(Optional.of(TokenStatus.ACTIVE), changes.seen("ca", TokenStatus.ACTIVE));
    assertEquals(Optional.empty(), changes.seen("ca", TokenStatus.ACTIVE));
  }

  @Test
  void aTokenFirstSeenOfflineIsNews() {
    assertEquals(Optional.of(TokenStatus.OFFLINE), changes.seen("ca", TokenStatus.OFFLINE));
  }

  @Test
  void eachTokenHasAStateOfItsOwn() {
    changes.seen("ca", TokenStatus.OFFLINE);

    assertEquals(Optional.of(TokenStatus.OFFLINE), changes.seen("backup", TokenStatus.OFFLINE));
    assertEquals(Optional.empty(), changes.seen("ca", TokenStatus.OFFLINE));
  }

  @Test
  void ofManyThreadsThatSeeTheSameChangeExactlyOneIsTold() throws Exception {
    changes.seen("ca", TokenStatus.ACTIVE);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      var seen =
          IntStream.range(0, 64)
              .mapToObj(i -> threads.submit(() -> changes.seen("ca", TokenStatus.OFFLINE)))
              .toList();
      long told = 0;
      for (Future<Optional<TokenStatus>> one : seen) {
        told += one.get().isPresent() ? 1 : 0;
      }
      assertEquals(1, told);
    } finally {
      threads.shutdown();
      threads.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
