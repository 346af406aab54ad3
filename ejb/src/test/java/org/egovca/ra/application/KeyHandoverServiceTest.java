package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.admin;
import static org.egovca.ra.application.RaServiceFixtures.applicationForm;
import static org.egovca.ra.application.RaServiceFixtures.auditEvents;
import static org.egovca.ra.application.RaServiceFixtures.idScan;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.egovca.ra.application.RaServiceFixtures.uniqueName;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.application.GeneratedKeys;
import org.egovca.ca.application.port.GeneratedKeyToken;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.GeneratedKey;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.Pkcs12Contents;
import org.egovca.ra.application.RaServiceFixtures.Staff;
import org.egovca.ra.domain.Application;
import org.egovca.ra.domain.ApplicationAction;
import org.egovca.ra.domain.DocumentKind;
import org.egovca.ra.domain.KeyRecipient;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.OfflineCaToken;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing keys made on request (CPS §6.1.4.10.1, issue 13 item 6): an application asks for one only
 * with the applicant's written request; the approval generates the key pair in the token for
 * generated keys and certifies it; the entry clerk hands it over once as a PKCS#12 under the
 * holder's password, and afterwards neither the token nor the database (nor the data directory, nor
 * the log) holds the private key; a second handover is refused; every step is audited. Keys nobody
 * collects, or that a restart lost, are destroyed and their certificates revoked.
 */
@ExtendWith(ServiceTier.class)
class KeyHandoverServiceTest {

  private static final String PASSWORD = "Holder2Pass";

  @Inject ApplicationDesk desk;
  @Inject ApplicationReview review;
  @Inject KeyHandover handover;
  @Inject OperatorAdministration administration;
  @Inject GeneratedKeys generatedKeys;
  @Inject GeneratedKeyToken tokens;

  /** The applicant's written request, scanned. */
  private static DocumentUpload writtenRequest() {
    return new DocumentUpload(
        DocumentKind.KEY_GENERATION_REQUEST,
        "key-generation-request.pdf",
        "%PDF-1.4 please generate my signing key".getBytes(StandardCharsets.US_ASCII));
  }

  /** A personal application whose applicant asked for a key pair of {@code algorithm}. */
  private static ApplicationForm keyGenerationForm(String algorithm, boolean dual) {
    ApplicationForm form = applicationForm(uniqueName("Applicant "), null);
    form.setPkcs10(null);
    form.setKeyGenerationRequested(true);
    form.setGeneratedKeyAlgorithm(algorithm);
    form.setDualCertificate(dual);
    return form;
  }

  private long submitted(String algorithm, boolean dual) {
    List<DocumentUpload> documents = new ArrayList<>(idScan());
    documents.add(writtenRequest());
    return desk.submit(
        shared(OperatorRole.ENTRY_CLERK).token(), keyGenerationForm(algorithm, dual), documents);
  }

  /** An approved application whose key waits in the token; its id. */
  private long approved(String algorithm, boolean dual) {
    long id = submitted(algorithm, dual);
    review.approve(shared(OperatorRole.REVIEWER).token(), id, null);
    return id;
  }

  private HandedOverKey handOver(long id) {
    return handover.handOver(
        shared(OperatorRole.ENTRY_CLERK).token(),
        id,
        KeyRecipient.APPLICANT,
        PASSWORD.toCharArray());
  }

  private static GeneratedKey keyOf(long id) {
    return ServiceTier.inTransaction(
        em -> em.find(Application.class, id).getKeyGeneration().getGeneratedKey());
  }

  private static IssuedCertificate certificateOf(long id) {
    return ServiceTier.inTransaction(em -> em.find(Application.class, id).getCertificate());
  }

  private static AuditEvent onlyEvent(AuditAction action, String target, AuditOutcome outcome) {
    List<AuditEvent> events =
        auditEvents(action, target).stream().filter(e -> e.getOutcome() == outcome).toList();
    assertEquals(1, events.size(), action + " " + outcome + " of " + target + ": " + events);
    return events.get(0);
  }

  @Test
  void withoutTheWrittenRequestTheCaGeneratesNoKeyAndNothingIsEntered() {
    ApplicationForm form = keyGenerationForm("SM2_256", false);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> desk.submit(shared(OperatorRole.ENTRY_CLERK).token(), form, idScan()));

    assertEquals(RefusalCode.INVALID_INPUT, refused.code());
    assertEquals("documents", refused.problems().get(0).field());
    assertEquals("document.missing", refused.problems().get(0).key());
    assertTrue(refused.getMessage().contains("KEY_GENERATION_REQUEST"), refused.getMessage());
  }

  @Test
  void anSm2KeyIsGeneratedAtTheApprovalHandedOverOnceAndKeptNowhere() throws Exception {
    int aliasesBefore = tokens.token().aliases().size();
    long id = approved(null, false);
    String reference = Application.reference(id);
    GeneratedKey waiting = keyOf(id);
    IssuedCertificate certificate = certificateOf(id);
    assertEquals(GeneratedKey.State.WAITING, waiting.getState());
    assertTrue(tokens.token().containsKey(waiting.getKeyAlias()));
    assertEquals(aliasesBefore + 1, tokens.token().aliases().size());
    assertArrayEquals(
        waiting.getPublicKey(),
        new X509CertificateHolder(certificate.getEncoded()).getSubjectPublicKeyInfo().getEncoded());
    onlyEvent(
        AuditAction.KEY_PAIR_GENERATED,
        "serial=" + certificate.getSerialNumberHex(),
        AuditOutcome.SUCCESS);
    String notice =
        ServiceTier.inTransaction(
            em ->
                em.createQuery(
                        "SELECT n.body FROM ApplicantNotice n WHERE n.application.id = :id",
                        String.class)
                    .setParameter("id", id)
                    .getSingleResult());
    assertTrue(
        notice.contains("PKCS#12"), "the applicant learns how to collect the key: " + notice);

    KeyScan scan = KeyScan.watchingTheLog();
    HandedOverKey handed;
    try {
      handed = handOver(id);
    } finally {
      scan.stopWatching();
    }

    assertEquals(reference + "-signing-key.p12", handed.fileName());
    Pkcs12Contents contents = Pkcs12Contents.open(handed.pkcs12(), PASSWORD.toCharArray());
    X509CertificateHolder inside = contents.certificates().get(0);
    assertArrayEquals(certificate.getEncoded(), inside.getEncoded());
    assertTrue(contents.keyMatchesCertificate(), "the private key is the certificate's");
    assertTrue(contents.certificates().size() >= 2, "the CA certificates come with it");

    // afterwards: neither the token, nor the database, nor the data directory, nor the log
    assertFalse(tokens.token().containsKey(waiting.getKeyAlias()));
    assertEquals(aliasesBefore, tokens.token().aliases().size());
    scan.assertNowhere(contents);

    GeneratedKey handedOver = keyOf(id);
    assertEquals(GeneratedKey.State.HANDED_OVER, handedOver.getState());
    assertEquals(shared(OperatorRole.ENTRY_CLERK).username, handedOver.getHandedOverBy());
    assertTrue(handedOver.getReceivedBy().startsWith("applicant Applicant "));
    assertTrue(handedOver.getReceivedBy().contains("RESIDENT_ID_CARD"));
    AuditEvent audited =
        onlyEvent(AuditAction.GENERATED_KEY_HANDED_OVER, reference, AuditOutcome.SUCCESS);
    assertEquals("operator:" + shared(OperatorRole.ENTRY_CLERK).username, audited.getActor());
    assertTrue(audited.getDetail().contains(handedOver.getReceivedBy()), audited.getDetail());
    assertTrue(
        ServiceTier.<Boolean>inTransaction(
            em ->
                em.find(Application.class, id).getEvents().stream()
                    .anyMatch(e -> e.getAction() == ApplicationAction.GENERATED_KEY_HANDED_OVER)));

    Refusal again = assertThrows(Refusal.class, () -> handOver(id));
    assertEquals(RefusalCode.WRONG_STATE, again.code());
    assertEquals("generatedKey.handedOver", again.problems().get(0).key());
    onlyEvent(AuditAction.GENERATED_KEY_HANDED_OVER, reference, AuditOutcome.FAILURE);
  }

  @Test
  void anRsaKeyWhereTheProfileAllowsItIsCertifiedByTheRsaCa() throws Exception {
    long id = approved("RSA_2048", false);
    IssuedCertificate certificate = certificateOf(id);
    assertEquals("RSA_2048", certificate.getKeyAlgorithm());

    Pkcs12Contents contents = Pkcs12Contents.open(handOver(id).pkcs12(), PASSWORD.toCharArray());
    assertTrue(contents.keyMatchesCertificate());
    assertFalse(tokens.token().containsKey(keyOf(id).getKeyAlias()));
    KeyScan.assertNotInTheDatabase(contents);
  }

  @Test
  void aDualCertificateEnvelopesTheEncryptionKeyUnderTheGeneratedSigningKey() {
    long id = approved("SM2_256", true);
    ApplicationDetail detail =
        RaServiceFixtures.service(RaQueries.class)
            .application(shared(OperatorRole.REVIEWER).token(), id);
    assertNotNull(detail.encryptionCertificateSerial());
    assertTrue(detail.hasEnvelopedKey());
    assertTrue(detail.keyGeneration().waiting());

    Pkcs12Contents contents = Pkcs12Contents.open(handOver(id).pkcs12(), PASSWORD.toCharArray());
    assertTrue(contents.keyMatchesCertificate());
  }

  @Test
  void onlyAnEntryClerkHandsOverAndAWeakPasswordLeavesTheKeyWaiting() {
    long id = approved(null, false);
    Refusal notAClerk =
        assertThrows(
            Refusal.class,
            () ->
                handover.handOver(
                    shared(OperatorRole.REVIEWER).token(),
                    id,
                    KeyRecipient.APPLICANT,
                    PASSWORD.toCharArray()));
    assertEquals(RefusalCode.NOT_AUTHORIZED, notAClerk.code());

    Refusal weak =
        assertThrows(
            Refusal.class,
            () ->
                handover.handOver(
                    shared(OperatorRole.ENTRY_CLERK).token(),
                    id,
                    KeyRecipient.AGENT,
                    "short1".toCharArray()));
    assertEquals(RefusalCode.INVALID_INPUT, weak.code());
    assertEquals(
        Set.of("recipient generatedKey.noAgent", "password generatedKey.password"),
        Set.copyOf(weak.problems().stream().map(p -> p.field() + " " + p.key()).toList()));

    assertEquals(GeneratedKey.State.WAITING, keyOf(id).getState());
    assertTrue(tokens.token().containsKey(keyOf(id).getKeyAlias()));
  }

  @Test
  void theReviewerWhoApprovedTheGenerationCannotHandTheKeyOverAfterBecomingAClerk() {
    Staff reviewer = RaServiceFixtures.newOperator(OperatorRole.REVIEWER, null);
    long id = submitted(null, false);
    review.approve(reviewer.token(), id, null);
    RaServiceFixtures.approved(
        administration.requestRoleChange(
            admin().token(), reviewer.username, OperatorRole.ENTRY_CLERK, null));

    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                handover.handOver(
                    reviewer.token(), id, KeyRecipient.APPLICANT, PASSWORD.toCharArray()));
    assertEquals(RefusalCode.SEPARATION_OF_DUTIES, refused.code());
    onlyEvent(
        AuditAction.GENERATED_KEY_HANDED_OVER, Application.reference(id), AuditOutcome.DENIED);
    assertEquals(GeneratedKey.State.WAITING, keyOf(id).getState());
  }

  @Test
  void anApplicationWithTheHoldersOwnKeyHasNoKeyToHandOver() {
    long id = RaServiceFixtures.submittedApplication(null);
    review.approve(shared(OperatorRole.REVIEWER).token(), id, null);

    Refusal refused = assertThrows(Refusal.class, () -> handOver(id));
    assertEquals(RefusalCode.NOT_FOUND, refused.code());
    assertEquals("generatedKey.none", refused.problems().get(0).key());
  }

  @Test
  void anApprovalThatFailsLeavesNoKeyInTheToken() {
    long id = submitted(null, false);
    // logged in before: a reviewer's login certificate cannot be issued while the CA is offline
    String reviewer = shared(OperatorRole.REVIEWER).token();
    Set<String> before = tokens.token().aliases();
    try (OfflineCaToken offline = OfflineCaToken.takeOffline()) {
      // the key is generated, then the CA cannot sign its certificate
      Refusal refused = assertThrows(Refusal.class, () -> review.approve(reviewer, id, null));
      assertEquals(RefusalCode.TOKEN_OFFLINE, refused.code());
    }
    assertEquals(before, tokens.token().aliases());
    assertEquals(
        0L,
        ServiceTier.<Long>inTransaction(
            em ->
                em.createQuery(
                        "SELECT COUNT(k) FROM GeneratedKey k WHERE k.certificate IS NULL",
                        Long.class)
                    .getSingleResult()));
  }

  @Test
  void aKeyNobodyCollectsIsDestroyedAndItsCertificateRevoked() {
    long id = approved(null, false);
    String alias = keyOf(id).getKeyAlias();
    IssuedCertificate certificate = certificateOf(id);

    generatedKeys.destroyUnclaimed();
    assertTrue(tokens.token().containsKey(alias), "a key within its time stays");
    assertEquals(GeneratedKey.State.WAITING, keyOf(id).getState());
    ServiceTier.clock().advance(GeneratedKey.HANDOVER_LIMIT.plus(Duration.ofHours(1)));
    generatedKeys.destroyUnclaimed();

    assertFalse(tokens.token().containsKey(alias));
    assertEquals(GeneratedKey.State.DESTROYED, keyOf(id).getState());
    assertEquals(CertificateStatus.REVOKED, certificateOf(id).getStatus());
    onlyEvent(
        AuditAction.GENERATED_KEY_DESTROYED,
        "serial=" + certificate.getSerialNumberHex(),
        AuditOutcome.SUCCESS);
    Refusal refused =
        assertThrows(
            Refusal.class,
            () ->
                handover.handOver(
                    shared(OperatorRole.ENTRY_CLERK).freshToken(),
                    id,
                    KeyRecipient.APPLICANT,
                    PASSWORD.toCharArray()));
    assertEquals("generatedKey.destroyed", refused.problems().get(0).key());
  }

  @Test
  void aKeyLostAtARestartIsRefusedAtTheCounterAndItsCertificateRevokedByTheSweep() {
    long id = approved(null, false);
    String alias = keyOf(id).getKeyAlias();
    // what a restart does: the token of the new run does not have the key
    tokens.token().destroyKey(alias);

    Refusal refused = assertThrows(Refusal.class, () -> handOver(id));
    assertEquals(RefusalCode.WRONG_STATE, refused.code());
    assertEquals("generatedKey.lost", refused.problems().get(0).key());
    assertEquals(GeneratedKey.State.WAITING, keyOf(id).getState());

    generatedKeys.destroyUnclaimed();
    assertEquals(GeneratedKey.State.DESTROYED, keyOf(id).getState());
    assertEquals(CertificateStatus.REVOKED, certificateOf(id).getStatus());
  }
}
