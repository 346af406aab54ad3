package org.egovca.ra.application;

import static org.egovca.ra.application.KeyRecoveryFixtures.dualCertificateHolder;
import static org.egovca.ra.application.RaServiceFixtures.auditEvents;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.security.KeyPair;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.kmc.protocol.EnvelopedKeys;
import org.egovca.ra.application.KeyRecoveryFixtures.Holder;
import org.egovca.ra.domain.KeyRecovery;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Holder key recovery (CPS §7.1.3.8 item 1, issue 13 item 5): an entry clerk records the request
 * naming the holder's current signing certificate, a reviewer approves it, and the KMC's envelope
 * opens with the holder's signing private key to the key of the encryption certificate. Refused:
 * without the approval, by the clerk who entered it, for a revoked signing certificate (also one
 * revoked while the request waited), for an encryption certificate of another holder, and for a
 * certificate that certifies no encryption key. Every step is audited and the auditor lists it.
 */
@ExtendWith(ServiceTier.class)
class HolderKeyRecoveryServiceTest {

  @Inject HolderKeyRecoveries recoveries;
  @Inject KeyRecoveries auditorsList;
  @Inject ApplicationReview review;

  private static String clerk() {
    return shared(OperatorRole.ENTRY_CLERK).token();
  }

  private static String reviewer() {
    return shared(OperatorRole.REVIEWER).token();
  }

  private KeyRecoveryView requested(Holder holder) {
    return recoveries.request(
        clerk(), holder.encryptionSerial(), holder.signingSerial(), "ID card checked");
  }

  private static Refusal refused(RefusalCode code, String key, Runnable call) {
    Refusal refusal = assertThrows(Refusal.class, call::run);
    assertEquals(code, refusal.code(), refusal.getMessage());
    if (key != null) {
      assertEquals(key, refusal.problems().get(0).key(), refusal.getMessage());
    }
    return refusal;
  }

  private void revoke(String serial) {
    review.forceRevocation(reviewer(), serial, "E", "signing key lost");
  }

  @Test
  void afterTheReviewersApprovalTheEnvelopeOpensWithTheHoldersSigningKey() throws Exception {
    Holder holder = dualCertificateHolder();

    KeyRecoveryView requested = requested(holder);
    assertEquals("PENDING", requested.state());
    KeyRecoveryView approved = recoveries.approve(reviewer(), requested.id(), "identity checked");
    byte[] envelope = recoveries.envelope(clerk(), requested.id());

    assertEquals("RECOVERED", approved.state());
    assertEquals(List.of(shared(OperatorRole.REVIEWER).username), approved.approvedBy());
    KeyPair recovered = EnvelopedKeys.open(envelope, holder.signing().getPrivate());
    assertArrayEquals(
        holder.encryption().getPrivate().getEncoded(), recovered.getPrivate().getEncoded());
    assertArrayEquals(
        holder.encryption().getPublic().getEncoded(), recovered.getPublic().getEncoded());

    String reference = KeyRecovery.reference(requested.id());
    for (AuditAction step :
        List.of(
            AuditAction.KEY_RECOVERY_REQUESTED,
            AuditAction.KEY_RECOVERY_APPROVED,
            AuditAction.ENCRYPTION_KEY_RECOVERED,
            AuditAction.RECOVERED_KEY_COLLECTED)) {
      List<AuditEvent> events = auditEvents(step, reference);
      assertEquals(1, events.size(), step + ": " + events);
      assertEquals(AuditOutcome.SUCCESS, events.get(0).getOutcome());
    }
    KeyRecoveryView listed =
        auditorsList.list(shared(OperatorRole.AUDITOR).token(), 500).stream()
            .filter(r -> r.id() == requested.id())
            .findFirst()
            .orElseThrow();
    assertEquals("HOLDER", listed.kind());
    assertEquals("RECOVERED", listed.state());
    assertEquals(holder.encryptionSerial(), listed.encryptionSerialHex());
    assertEquals(shared(OperatorRole.ENTRY_CLERK).username, listed.requestedBy());
  }

  @Test
  void withoutTheApprovalThereIsNoEnvelope() {
    KeyRecoveryView requested = requested(dualCertificateHolder());

    refused(
        RefusalCode.WRONG_STATE,
        "keyRecovery.notRecovered",
        () -> recoveries.envelope(clerk(), requested.id()));
  }

  @Test
  void theClerkWhoEnteredItCannotApproveItNorCanTheAuditor() {
    KeyRecoveryView requested = requested(dualCertificateHolder());

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "access.denied",
        () -> recoveries.approve(clerk(), requested.id(), null));
    refused(
        RefusalCode.NOT_AUTHORIZED,
        "access.denied",
        () -> recoveries.approve(shared(OperatorRole.AUDITOR).token(), requested.id(), null));
    assertEquals(
        2,
        auditEvents(AuditAction.KEY_RECOVERY_APPROVED, KeyRecovery.reference(requested.id()))
            .stream()
            .filter(e -> e.getOutcome() == AuditOutcome.DENIED)
            .count());
    assertEquals(
        "PENDING",
        ServiceTier.inTransaction(em -> em.find(KeyRecovery.class, requested.id()).getState())
            .name());
  }

  @Test
  void aRevokedSigningCertificateReceivesNoEnvelope() {
    Holder holder = dualCertificateHolder();
    revoke(holder.signingSerial());

    refused(RefusalCode.INVALID_INPUT, "keyRecovery.signingNotUsable", () -> requested(holder));
    assertTrue(
        auditEvents(AuditAction.KEY_RECOVERY_REQUESTED, "serial=" + holder.encryptionSerial())
            .stream()
            .anyMatch(e -> e.getOutcome() == AuditOutcome.FAILURE));
  }

  @Test
  void aSigningCertificateRevokedWhileTheRequestWaitedStopsTheRecovery() {
    Holder holder = dualCertificateHolder();
    KeyRecoveryView requested = requested(holder);
    revoke(holder.signingSerial());

    refused(
        RefusalCode.INVALID_INPUT,
        "keyRecovery.signingNotUsable",
        () -> recoveries.approve(reviewer(), requested.id(), null));

    KeyRecovery stored =
        ServiceTier.inTransaction(em -> em.find(KeyRecovery.class, requested.id()));
    assertEquals(KeyRecovery.State.PENDING, stored.getState());
    assertEquals(0, stored.approvals());
    assertEquals(null, stored.getEnvelopedKey());
    assertTrue(
        auditEvents(AuditAction.ENCRYPTION_KEY_RECOVERED, KeyRecovery.reference(requested.id()))
            .stream()
            .allMatch(e -> e.getOutcome() == AuditOutcome.FAILURE));
  }

  @Test
  void anEncryptionCertificateOfAnotherHolderIsRefused() {
    Holder one = dualCertificateHolder();
    Holder other = dualCertificateHolder();

    Refusal refusal =
        refused(
            RefusalCode.INVALID_INPUT,
            "keyRecovery.otherHolder",
            () -> recoveries.request(clerk(), other.encryptionSerial(), one.signingSerial(), null));
    assertEquals("signingCertificate", refusal.problems().get(0).field());
  }

  @Test
  void aCertificateThatCertifiesNoEncryptionKeyIsRefused() {
    Holder holder = dualCertificateHolder();

    Refusal refusal =
        refused(
            RefusalCode.INVALID_INPUT,
            "keyRecovery.notEncryption",
            () ->
                recoveries.request(clerk(), holder.signingSerial(), holder.signingSerial(), null));
    assertEquals("encryptionCertificate", refusal.problems().get(0).field());
  }

  @Test
  void aRejectedRecoveryIsNeverCarriedOut() {
    KeyRecoveryView requested = requested(dualCertificateHolder());

    refused(
        RefusalCode.INVALID_INPUT,
        "field.required",
        () -> recoveries.reject(reviewer(), requested.id(), " "));
    KeyRecoveryView rejected =
        recoveries.reject(reviewer(), requested.id(), "the ID card did not match");

    assertEquals("REJECTED", rejected.state());
    assertEquals("the ID card did not match", rejected.rejectionNote());
    refused(
        RefusalCode.WRONG_STATE,
        "keyRecovery.decided",
        () -> recoveries.approve(reviewer(), requested.id(), null));
  }
}
