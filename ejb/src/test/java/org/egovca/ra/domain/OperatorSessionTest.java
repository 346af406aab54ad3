package org.egovca.ra.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class OperatorSessionTest {

  private static final Instant T = Instant.parse("2025-06-01T08:00:00Z");

  private static OperatorSession session() {
    Operator operator =
        new Operator(
            "lisi",
            "Li Si",
            null,
            EnumSet.of(OperatorRole.REVIEWER),
            null,
            "$argon2id$otp",
            "admin",
            T);
    return new OperatorSession("ab".repeat(32), operator, "cd".repeat(32), "10.0.0.1", T);
  }

  @Test
  void sessionIsOpenUntilFifteenMinutesWithoutUse() {
    OperatorSession session = session();

    assertTrue(session.isOpenAt(T));
    assertTrue(session.isOpenAt(T.plus(Duration.ofMinutes(15)).minusSeconds(1)));
    assertFalse(session.isOpenAt(T.plus(Duration.ofMinutes(15))));
  }

  @Test
  void touchExtendsTheIdleTimeoutFromTheLastUse() {
    OperatorSession session = session();
    session.touch(T.plus(Duration.ofMinutes(10)));

    assertTrue(session.isOpenAt(T.plus(Duration.ofMinutes(24))));
    assertFalse(session.isOpenAt(T.plus(Duration.ofMinutes(25))));
  }

  @Test
  void endedSessionIsClosedAtOnce() {
    OperatorSession session = session();
    session.end(T.plusSeconds(30));

    assertFalse(session.isOpenAt(T.plusSeconds(31)));
    assertEquals(T.plusSeconds(30), session.getEndedAt());
  }

  @Test
  void endingTwiceKeepsTheFirstEnd() {
    OperatorSession session = session();
    session.end(T.plusSeconds(30));
    session.end(T.plusSeconds(90));

    assertEquals(T.plusSeconds(30), session.getEndedAt());
  }

  @Test
  void touchDoesNotReopenAnEndedSession() {
    OperatorSession session = session();
    session.end(T.plusSeconds(30));
    session.touch(T.plusSeconds(40));

    assertFalse(session.isOpenAt(T.plusSeconds(41)));
  }

  @Test
  void sessionInConstantUseClosesAfterTenHours() {
    OperatorSession session = session();
    Instant now = T;
    while (now.isBefore(T.plus(Duration.ofHours(10)))) {
      assertTrue(session.isOpenAt(now), now.toString());
      session.touch(now);
      now = now.plus(Duration.ofMinutes(5));
    }

    assertFalse(session.isOpenAt(T.plus(Duration.ofHours(10))));
    assertTrue(session.isOpenAt(T.plus(Duration.ofHours(10)).minusSeconds(1)));
  }

  @Test
  void sessionKeepsItsOperatorAndCertificateFingerprint() {
    OperatorSession session = session();

    assertEquals("lisi", session.getOperator().getUsername());
    assertEquals("cd".repeat(32), session.getCertificateFingerprint());
  }
}
