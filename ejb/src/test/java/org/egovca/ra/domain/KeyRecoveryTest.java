package org.egovca.ra.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.junit.jupiter.api.Test;

/**
 * The rules of one key recovery: the operator who asked approves nothing, the approvals are by
 * different operators, a holder's recovery needs one and a judicial one two, and a decided or
 * expired recovery takes no more decisions.
 */
class KeyRecoveryTest {

  private static final Instant T = Instant.parse("2026-12-07T00:00:00Z");

  private static Operator operator(String name, OperatorRole role) {
    return new Operator(
        name, name, name + "@example.cn", EnumSet.of(role), null, "$argon2id$x", "admin", T);
  }

  private static IssuedCertificate certificate(String profile) {
    CertificateAuthority ca =
        new CertificateAuthority(
            "iFutureCA",
            "CN=iFutureCA,C=CN",
            null,
            "alias",
            "SM2_256",
            BigInteger.TEN,
            T,
            T.plus(Duration.ofDays(3650)),
            new byte[] {1},
            T);
    return new IssuedCertificate(
        ca,
        BigInteger.valueOf(profile.length()),
        "CN=张三,C=CN",
        profile,
        1,
        "SM2_256",
        T,
        T.plus(Duration.ofDays(365)),
        new byte[32],
        new byte[] {2},
        "test",
        T);
  }

  private static KeyRecovery judicial(Operator requester) {
    return KeyRecovery.judicial(
        certificate("personal-enc"),
        new byte[] {3},
        "CN=Recipient",
        "北京市海淀区人民法院",
        "(2026)京0108刑初123号",
        requester,
        T,
        null);
  }

  @Test
  void aHoldersRecoveryIsCarriedOutWithOneApprovalByAnotherOperator() {
    Operator clerk = operator("clerk", OperatorRole.ENTRY_CLERK);
    KeyRecovery recovery =
        KeyRecovery.forHolder(
            certificate("personal-enc"), certificate("personal-sign"), clerk, T, null);

    assertThrows(DualControlViolation.class, () -> recovery.approve(clerk, T));
    assertTrue(recovery.approve(operator("reviewer", OperatorRole.REVIEWER), T));
    recovery.recovered(new byte[] {9}, T);

    assertEquals(KeyRecovery.State.RECOVERED, recovery.getState());
  }

  @Test
  void aJudicialRecoveryNeedsTwoDifferentApproversBesidesTheRequester() {
    Operator requester = operator("one", OperatorRole.KEY_CUSTODIAN);
    Operator first = operator("two", OperatorRole.KEY_CUSTODIAN);
    Operator second = operator("three", OperatorRole.KEY_CUSTODIAN);
    KeyRecovery recovery = judicial(requester);

    assertThrows(DualControlViolation.class, () -> recovery.approve(requester, T));
    assertFalse(recovery.approve(first, T));
    assertThrows(IllegalStateException.class, () -> recovery.recovered(new byte[] {9}, T));
    assertThrows(DualControlViolation.class, () -> recovery.approve(first, T));
    assertTrue(recovery.approve(second, T));
    assertEquals(2, recovery.approvals());
  }

  @Test
  void aRejectedOrExpiredRecoveryTakesNoMoreDecisions() {
    Operator requester = operator("one", OperatorRole.KEY_CUSTODIAN);
    KeyRecovery rejected = judicial(requester);
    assertThrows(DualControlViolation.class, () -> rejected.reject(requester, T, "no"));
    rejected.reject(operator("two", OperatorRole.KEY_CUSTODIAN), T, "the order is forged");

    Refusal decided =
        assertThrows(
            Refusal.class,
            () -> rejected.approve(operator("three", OperatorRole.KEY_CUSTODIAN), T));
    assertEquals(RefusalCode.WRONG_STATE, decided.code());

    KeyRecovery waiting = judicial(requester);
    Refusal expired =
        assertThrows(
            Refusal.class,
            () ->
                waiting.approve(
                    operator("two", OperatorRole.KEY_CUSTODIAN), T.plus(KeyRecovery.LIFETIME)));
    assertEquals("keyRecovery.expired", expired.problems().get(0).key());
  }
}
