package org.egovca.ra.application;

import static org.egovca.ra.application.KeyRecoveryFixtures.dualCertificateHolder;
import static org.egovca.ra.application.KeyRecoveryFixtures.recipientCertificate;
import static org.egovca.ra.application.RaServiceFixtures.auditEvents;
import static org.egovca.ra.application.RaServiceFixtures.newOperator;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.security.KeyPair;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.kmc.protocol.EnvelopedKeys;
import org.egovca.ra.application.KeyRecoveryFixtures.Holder;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.KeyRecovery;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accountability and judicial key recovery (CPS §7.1.3.8 item 2, issue 13 item 5): a key custodian
 * records the requesting authority, the legal basis and the designated recipient certificate; with
 * the approvals of two other custodians the KMC's envelope opens with the recipient's private key
 * (and no other) to the key of the encryption certificate. Refused: with one approval, with the
 * requester approving, with one approver twice, without authority or legal basis, for a recipient
 * certificate without an SM2 key, and for any other role. Every step is audited and the auditor
 * lists it with its authority, legal basis and approvers.
 */
@ExtendWith(ServiceTier.class)
class JudicialKeyRecoveryServiceTest {

  private static final String AUTHORITY = "北京市海淀区人民法院";
  private static final String LEGAL_BASIS = "(2026)京0108刑初123号 协助执行通知书; 刑事诉讼法第一百四十四条";

  private static Staff requester;
  private static Staff first;
  private static Staff second;

  @Inject JudicialKeyRecoveries recoveries;
  @Inject KeyRecoveries auditorsList;

  @BeforeAll
  static void custodians() {
    requester = newOperator(OperatorRole.KEY_CUSTODIAN, null);
    first = newOperator(OperatorRole.KEY_CUSTODIAN, null);
    second = newOperator(OperatorRole.KEY_CUSTODIAN, null);
  }

  private KeyRecoveryView requested(Holder holder, KeyPair recipient) {
    return recoveries.request(
        requester.token(),
        holder.encryptionSerial(),
        AUTHORITY,
        LEGAL_BASIS,
        recipientCertificate(recipient, "SM3withSM2"),
        "original document kept in the safe");
  }

  private static Refusal refused(RefusalCode code, Runnable call) {
    Refusal refusal = assertThrows(Refusal.class, call::run);
    assertEquals(code, refusal.code(), refusal.getMessage());
    return refusal;
  }

  private static KeyRecovery stored(long id) {
    return ServiceTier.inTransaction(em -> em.find(KeyRecovery.class, id));
  }

  @Test
  void twoFurtherCustodiansApproveAndOnlyTheRecipientsKeyOpensTheEnvelope() throws Exception {
    Holder holder = dualCertificateHolder();
    KeyPair recipient = TestKeys.sm2KeyPair();
    KeyRecoveryView requested = requested(holder, recipient);

    KeyRecoveryView once = recoveries.approve(first.token(), requested.id(), "order checked");
    assertEquals("PENDING", once.state());
    refused(RefusalCode.WRONG_STATE, () -> recoveries.envelope(requester.token(), requested.id()));
    KeyRecoveryView twice = recoveries.approve(second.token(), requested.id(), null);
    byte[] envelope = recoveries.envelope(requester.token(), requested.id());

    assertEquals("RECOVERED", twice.state());
    assertEquals(List.of(first.username, second.username), twice.approvedBy());
    KeyPair recovered = EnvelopedKeys.open(envelope, recipient.getPrivate());
    assertArrayEquals(
        holder.encryption().getPrivate().getEncoded(), recovered.getPrivate().getEncoded());
    assertThrows(
        Exception.class, () -> EnvelopedKeys.open(envelope, holder.signing().getPrivate()));

    String reference = KeyRecovery.reference(requested.id());
    List<AuditEvent> approvals = auditEvents(AuditAction.KEY_RECOVERY_APPROVED, reference);
    assertEquals(2, approvals.size());
    AuditEvent recoveredEvent = auditEvents(AuditAction.ENCRYPTION_KEY_RECOVERED, reference).get(0);
    assertEquals(AuditOutcome.SUCCESS, recoveredEvent.getOutcome());
    assertEquals("operator:" + second.username, recoveredEvent.getActor());
    assertTrue(recoveredEvent.getDetail().contains(AUTHORITY), recoveredEvent.getDetail());
    assertTrue(recoveredEvent.getDetail().contains(LEGAL_BASIS), recoveredEvent.getDetail());

    KeyRecoveryView listed =
        auditorsList.list(shared(OperatorRole.AUDITOR).token(), 500).stream()
            .filter(r -> r.id() == requested.id())
            .findFirst()
            .orElseThrow();
    assertEquals("JUDICIAL", listed.kind());
    assertEquals(AUTHORITY, listed.requestingAuthority());
    assertEquals(LEGAL_BASIS, listed.legalBasis());
    assertEquals(requester.username, listed.requestedBy());
    assertEquals(List.of(first.username, second.username), listed.approvedBy());
    assertTrue(listed.recipient().contains("Haidian Court"), listed.recipient());
  }

  @Test
  void theRequesterCannotApproveTheirOwnRequest() {
    KeyRecoveryView requested = requested(dualCertificateHolder(), TestKeys.sm2KeyPair());

    refused(
        RefusalCode.SEPARATION_OF_DUTIES,
        () -> recoveries.approve(requester.token(), requested.id(), null));

    assertEquals(0, stored(requested.id()).approvals());
    assertTrue(
        auditEvents(AuditAction.KEY_RECOVERY_APPROVED, KeyRecovery.reference(requested.id()))
            .stream()
            .anyMatch(
                e ->
                    e.getOutcome() == AuditOutcome.DENIED
                        && e.getActor().equals("operator:" + requester.username)));
  }

  @Test
  void oneCustodianApprovingTwiceIsOneApproval() {
    KeyRecoveryView requested = requested(dualCertificateHolder(), TestKeys.sm2KeyPair());
    recoveries.approve(first.token(), requested.id(), null);

    refused(
        RefusalCode.SEPARATION_OF_DUTIES,
        () -> recoveries.approve(first.token(), requested.id(), null));

    KeyRecovery stored = stored(requested.id());
    assertEquals(KeyRecovery.State.PENDING, stored.getState());
    assertEquals(1, stored.approvals());
    assertEquals(null, stored.getEnvelopedKey());
  }

  @Test
  void withoutTheAuthorityAndTheLegalBasisNothingIsRecorded() {
    Holder holder = dualCertificateHolder();
    long before = recoveries();

    Refusal refusal =
        refused(
            RefusalCode.INVALID_INPUT,
            () ->
                recoveries.request(
                    requester.token(),
                    holder.encryptionSerial(),
                    " ",
                    null,
                    recipientCertificate(TestKeys.sm2KeyPair(), "SM3withSM2"),
                    null));

    Set<String> fields =
        refusal.problems().stream().map(Refusal.Problem::field).collect(Collectors.toSet());
    assertEquals(Set.of("requestingAuthority", "legalBasis"), fields);
    assertEquals(before, recoveries());
  }

  @Test
  void aRecipientCertificateWithoutAnSm2KeyIsRefused() {
    Holder holder = dualCertificateHolder();
    KeyPair rsa = TestKeys.rsaKeyPair(2048);

    Refusal refusal =
        refused(
            RefusalCode.INVALID_INPUT,
            () ->
                recoveries.request(
                    requester.token(),
                    holder.encryptionSerial(),
                    AUTHORITY,
                    LEGAL_BASIS,
                    recipientCertificate(rsa, "SHA256withRSA"),
                    null));

    assertEquals("recipientCertificate", refusal.problems().get(0).field());
    assertEquals("keyRecovery.notSm2", refusal.problems().get(0).key());
  }

  @Test
  void anUnreadableRecipientCertificateIsRefused() {
    Holder holder = dualCertificateHolder();

    Refusal refusal =
        refused(
            RefusalCode.INVALID_INPUT,
            () ->
                recoveries.request(
                    requester.token(),
                    holder.encryptionSerial(),
                    AUTHORITY,
                    LEGAL_BASIS,
                    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                    null));

    assertEquals("recipientCertificate", refusal.problems().get(0).field());
    assertEquals("keyRecovery.recipientUnreadable", refusal.problems().get(0).key());
  }

  @Test
  void noOtherRoleAsksForOrApprovesAJudicialRecovery() {
    Holder holder = dualCertificateHolder();
    KeyRecoveryView requested = requested(holder, TestKeys.sm2KeyPair());

    for (OperatorRole role :
        List.of(OperatorRole.SECURITY_ADMIN, OperatorRole.REVIEWER, OperatorRole.AUDITOR)) {
      String token =
          role == OperatorRole.SECURITY_ADMIN
              ? RaServiceFixtures.admin().token()
              : shared(role).token();
      refused(RefusalCode.NOT_AUTHORIZED, () -> recoveries.approve(token, requested.id(), null));
      refused(
          RefusalCode.NOT_AUTHORIZED,
          () ->
              recoveries.request(
                  token,
                  holder.encryptionSerial(),
                  AUTHORITY,
                  LEGAL_BASIS,
                  recipientCertificate(TestKeys.sm2KeyPair(), "SM3withSM2"),
                  null));
    }
    refused(RefusalCode.NOT_AUTHORIZED, () -> auditorsList.list(requester.token(), 10));
    assertEquals(0, stored(requested.id()).approvals());
  }

  private static long recoveries() {
    return ServiceTier.inTransaction(
        em -> em.createQuery("SELECT COUNT(r) FROM KeyRecovery r", Long.class).getSingleResult());
  }
}
