package org.egovca.ra.application;

import static org.egovca.custody.application.CustodyFixtures.demoCustodians;
import static org.egovca.custody.application.CustodyFixtures.lastAudit;
import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.admin2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.ca.application.SubordinateCaFixture;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.custody.application.CaKeyRolloverCeremony;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonyOutcome;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.custody.domain.KeyCeremony;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.DualControlRequest;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A CA key rollover needs two security administrators to decide it and three key custodians to
 * carry it out (CPS §6.5.1.6, §7.5.1.2 item 2): the approval makes no key; the ceremony names the
 * approved request, and carries it out once. Each test rolls over a CA of its own.
 */
@ExtendWith(ServiceTier.class)
class CaKeyRolloverCeremonyServiceTest {

  private static final CeremonySource SOURCE = CeremonySource.COMMAND_LINE;

  @Inject CaAdministration caAdministration;
  @Inject CaKeyRolloverCeremony ceremony;
  @Inject OperatorAdministration administration;
  @Inject KeyCeremonyApprovals approvals;

  @Test
  void anApprovedRolloverWaitsForThreeCustodiansAndIsCarriedOutOnce() {
    String name = newCa();
    long request = approvedRollover(name);
    assertEquals(1, ca(name).getKeyIndex(), "the approval made no key");
    assertNull(request(request).getResult());

    Refusal two =
        assertThrows(Refusal.class, () -> ceremony.rollOver(request, demoCustodians(1, 2), SOURCE));
    assertEquals(RefusalCode.INVALID_INPUT, two.code());
    assertEquals(1, ca(name).getKeyIndex(), "two custodians made no key");

    // what the custodians read before they type their PINs
    String described = approvals.describe(request);
    assertTrue(described.contains("ROLL_OVER_CA_KEY ca:" + name), described);
    assertTrue(described.contains("approved by " + admin2().username), described);

    long id = ceremony.rollOver(request, demoCustodians(1, 2, 3), SOURCE);

    KeyCeremony record = ServiceTier.inTransaction(em -> em.find(KeyCeremony.class, id));
    assertEquals(CeremonyKind.CA_KEY_ROLLOVER, record.getKind());
    assertEquals(CeremonyOutcome.SUCCEEDED, record.getOutcome());
    assertEquals(2, ca(name).getKeyIndex());
    // NewWithNew, NewWithOld and OldWithNew, kept as the approved request's result
    assertEquals(
        3, request(request).getResult().split("-----BEGIN CERTIFICATE-----", -1).length - 1);
    AuditEvent rolledOver = lastAudit(AuditAction.CA_KEY_ROLLED_OVER);
    assertEquals("custodians:custodian1,custodian2,custodian3", rolledOver.getActor());
    assertTrue(rolledOver.getDetail().contains("ca=" + name), rolledOver.getDetail());
    assertTrue(
        lastAudit(AuditAction.CA_KEY_ROLLOVER_CEREMONY).getDetail().contains("request=" + request));

    Refusal again =
        assertThrows(
            Refusal.class, () -> ceremony.rollOver(request, demoCustodians(3, 4, 5), SOURCE));
    assertEquals(RefusalCode.WRONG_STATE, again.code());
    assertTrue(again.getMessage().contains("carried out"), again.getMessage());
    assertEquals(2, ca(name).getKeyIndex(), "one approval, one new key");
    assertEquals(
        RefusalCode.WRONG_STATE,
        assertThrows(Refusal.class, () -> approvals.describe(request)).code());
    assertEquals(CeremonyOutcome.FAILED, lastCeremony().getOutcome());
  }

  @Test
  void onlyAnApprovedRolloverRequestIsCarriedOut() {
    String name = newCa();
    DualControlRequestView pending = caAdministration.rollOverCaKey(admin().credentials(), name);
    try {
      Refusal notApproved =
          assertThrows(
              Refusal.class,
              () -> ceremony.rollOver(pending.id(), demoCustodians(1, 2, 3), SOURCE));
      assertEquals(RefusalCode.WRONG_STATE, notApproved.code());
      assertTrue(notApproved.getMessage().contains("PENDING"), notApproved.getMessage());
      Refusal unknown =
          assertThrows(
              Refusal.class,
              () -> ceremony.rollOver(Long.MAX_VALUE, demoCustodians(1, 2, 3), SOURCE));
      assertEquals(RefusalCode.NOT_FOUND, unknown.code());
      assertEquals(1, ca(name).getKeyIndex());
    } finally {
      caAdministration.rejectRequest(admin2().credentials(), pending.id(), "test over");
    }
  }

  @Test
  void anApprovalCountsOnlyWhileItsApproverMayStillGiveIt() {
    String name = newCa();
    Staff approver = RaServiceFixtures.newOperator(OperatorRole.SECURITY_ADMIN, null);
    DualControlRequestView asked = caAdministration.rollOverCaKey(admin().credentials(), name);
    caAdministration.approveRequest(approver.credentials(), asked.id(), null);
    administration.deactivate(admin().token(), approver.username);

    Refusal refusal =
        assertThrows(
            Refusal.class, () -> ceremony.rollOver(asked.id(), demoCustodians(1, 2, 3), SOURCE));

    assertEquals(RefusalCode.WRONG_STATE, refusal.code());
    assertTrue(refusal.getMessage().contains(approver.username), refusal.getMessage());
    assertEquals(1, ca(name).getKeyIndex());
  }

  @Test
  void anApprovalOlderThanAWeekIsNotCarriedOut() {
    String name = newCa();
    long request = approvedRollover(name);
    Instant longAgo = Instant.now().minus(DualControlRequest.CEREMONY_WINDOW).minusSeconds(60);
    ServiceTier.inTransaction(
        em ->
            em.createNativeQuery("UPDATE dual_control_request SET decided_at = ?1 WHERE id = ?2")
                .setParameter(1, java.sql.Timestamp.from(longAgo))
                .setParameter(2, request)
                .executeUpdate());

    Refusal stale =
        assertThrows(
            Refusal.class, () -> ceremony.rollOver(request, demoCustodians(1, 2, 3), SOURCE));

    assertEquals(RefusalCode.WRONG_STATE, stale.code());
    assertTrue(stale.getMessage().contains("ask again"), stale.getMessage());
    assertEquals(1, ca(name).getKeyIndex());
  }

  private long approvedRollover(String name) {
    DualControlRequestView asked = caAdministration.rollOverCaKey(admin().credentials(), name);
    DualControlRequestView approved =
        caAdministration.approveRequest(admin2().credentials(), asked.id(), null).request();
    assertEquals("APPROVED", approved.state());
    return asked.id();
  }

  private static String newCa() {
    String name = "rolled-" + UUID.randomUUID().toString().substring(0, 8);
    SubordinateCaFixture.create(name);
    return name;
  }

  private static CertificateAuthority ca(String name) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT c FROM CertificateAuthority c WHERE c.name = :name",
                    CertificateAuthority.class)
                .setParameter("name", name)
                .getSingleResult());
  }

  private static DualControlRequest request(long id) {
    return ServiceTier.inTransaction(em -> em.find(DualControlRequest.class, id));
  }

  private static KeyCeremony lastCeremony() {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery("SELECT k FROM KeyCeremony k ORDER BY k.id DESC", KeyCeremony.class)
                .setMaxResults(1)
                .getSingleResult());
  }
}
