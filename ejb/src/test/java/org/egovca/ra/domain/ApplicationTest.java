package org.egovca.ra.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateType;
import org.egovca.ca.domain.GeneratedKey;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.hsm.KeyAlgorithm;
import org.junit.jupiter.api.Test;

class ApplicationTest {

  private static final Instant ENTERED = Instant.parse("2025-06-02T09:00:00Z");
  private static final Instant DECIDED = ENTERED.plus(Duration.ofHours(3));

  private static final Applicant APPLICANT =
      new Applicant(
          "Zhang San",
          "RESIDENT_ID_CARD",
          "11010519491231002X",
          null,
          null,
          null,
          null,
          null,
          null,
          "zhangsan@example.cn",
          null);

  private static final IssuedCertificate TARGET = target();

  private static IssuedCertificate target() {
    Instant caStart = Instant.parse("2024-01-01T00:00:00Z");
    CertificateAuthority ca =
        new CertificateAuthority(
            "Issuing",
            "CN=Issuing,C=CN",
            null,
            "issuing-1",
            "SM2_256",
            BigInteger.valueOf(0x1234),
            caStart,
            caStart.plus(Duration.ofDays(3650)),
            new byte[] {1},
            caStart);
    return new IssuedCertificate(
        ca,
        BigInteger.valueOf(0xabcdef),
        "CN=Zhang San,C=CN",
        "personal-sign",
        1,
        "SM2_256",
        Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:00Z"),
        new byte[32],
        new byte[] {0x30, 0x00},
        "ra-1",
        Instant.parse("2025-01-01T00:00:00Z"));
  }

  private static Application newCertificate() {
    return newCertificate("MIIB...", KeyGenerationRequest.none());
  }

  private static Application newCertificate(String pkcs10, KeyGenerationRequest keyGeneration) {
    return Application.forNewCertificate(
        CertificateType.PERSONAL,
        "personal-sign",
        false,
        "CN=Zhang San,C=CN",
        "EMAIL:zhangsan@example.cn\nDNS:example.cn",
        pkcs10,
        keyGeneration,
        APPLICANT,
        true,
        true,
        FeeStatus.PAID,
        null,
        "clerk1",
        ENTERED);
  }

  private static Application change(ApplicationKind kind) {
    return Application.forExisting(
        kind,
        TARGET,
        CertificateType.PERSONAL,
        null,
        APPLICANT,
        null,
        null,
        null,
        kind == ApplicationKind.REVOKE ? RevocationReason.E_KEY_COMPROMISE : null,
        kind == ApplicationKind.REVOKE ? RevocationInitiator.HOLDER : null,
        "clerk1",
        ENTERED);
  }

  private static List<ApplicationAction> actions(Application application) {
    return application.getEvents().stream().map(ApplicationEvent::getAction).toList();
  }

  @Test
  void newCertificateApplicationStartsSubmittedWithDecisionDue48HoursAfterEntry() {
    Application application = newCertificate();

    assertEquals(ApplicationKind.ISSUE, application.getKind());
    assertEquals(ApplicationState.SUBMITTED, application.getState());
    assertEquals(ENTERED, application.getEnteredAt());
    assertEquals("clerk1", application.getEnteredBy());
    assertEquals(ENTERED.plus(Duration.ofHours(48)), application.getDecisionDueAt());
    assertEquals(FeeStatus.PAID, application.getFeeStatus());
    assertNull(application.getNoticeDueAt());
  }

  @Test
  void newApplicationRecordsOneSubmittedEventByTheClerk() {
    List<ApplicationEvent> events = newCertificate().getEvents();

    assertEquals(1, events.size());
    ApplicationEvent event = events.get(0);
    assertEquals(ApplicationAction.APPLICATION_SUBMITTED, event.getAction());
    assertEquals("clerk1", event.getActor());
    assertEquals(ENTERED, event.getOccurredAt());
    assertEquals(ApplicationState.SUBMITTED, event.getState());
    assertNull(event.getNote());
  }

  @Test
  void aNewCertificateIsForAPkcs10OrForAKeyTheCaGeneratesNeverBoth() {
    assertThrows(
        IllegalArgumentException.class,
        () -> newCertificate("MIIB...", KeyGenerationRequest.of(KeyAlgorithm.SM2_256)));
    assertThrows(
        IllegalArgumentException.class, () -> newCertificate(null, KeyGenerationRequest.none()));

    Application generated = newCertificate(null, KeyGenerationRequest.of(KeyAlgorithm.SM2_256));
    assertTrue(generated.getKeyGeneration().isRequested());
    assertNull(generated.getKeyGeneration().getGeneratedKey());
  }

  @Test
  void theGeneratedKeyIsRecordedOnceAndOnlyWhereOneWasAskedFor() {
    GeneratedKey key =
        new GeneratedKey("holder-1", KeyAlgorithm.SM2_256, new byte[] {0x30, 0x00}, ENTERED);
    Application generated = newCertificate(null, KeyGenerationRequest.of(KeyAlgorithm.SM2_256));
    generated.keyGenerated(key);
    assertSame(key, generated.getKeyGeneration().getGeneratedKey());
    assertThrows(IllegalStateException.class, () -> generated.keyGenerated(key));
    assertThrows(IllegalStateException.class, () -> newCertificate().keyGenerated(key));
  }

  @Test
  void subjectAltNamesAreOnePerLine() {
    assertEquals(
        List.of("EMAIL:zhangsan@example.cn", "DNS:example.cn"),
        newCertificate().getSubjectAltNames());
  }

  @Test
  void revocationRequestIsDue24HoursAfterEntry() {
    Application application = change(ApplicationKind.REVOKE);

    assertEquals(ApplicationKind.REVOKE, application.getKind());
    assertEquals(ApplicationState.SUBMITTED, application.getState());
    assertEquals(ENTERED.plus(Duration.ofHours(24)), application.getDecisionDueAt());
    assertEquals(RevocationReason.E_KEY_COMPROMISE, application.getRevocationReason());
    assertEquals(RevocationInitiator.HOLDER, application.getRevocationInitiator());
  }

  @Test
  void renewalRequestIsDue48HoursAfterEntry() {
    assertEquals(
        ENTERED.plus(Duration.ofHours(48)), change(ApplicationKind.RENEW).getDecisionDueAt());
  }

  @Test
  void changeRequestTakesProfileAndSubjectFromItsTargetAndCountsAsAgreed() {
    Application application = change(ApplicationKind.REKEY);

    assertEquals("personal-sign", application.getProfile());
    assertEquals("CN=Zhang San,C=CN", application.getSubjectDn());
    assertSame(TARGET, application.getTargetCertificate());
    assertTrue(application.isAgreementAccepted());
  }

  @Test
  void forExistingRefusesANewCertificateKind() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> change(ApplicationKind.ISSUE));
    assertEquals("a new certificate has no target", e.getMessage());
  }

  @Test
  void approvalMovesToApprovedAndRecordsTheReviewer() {
    Application application = newCertificate();
    application.approve("reviewer1", DECIDED, "documents checked");

    assertEquals(ApplicationState.APPROVED, application.getState());
    assertEquals("reviewer1", application.getDecidedBy());
    assertEquals(DECIDED, application.getDecidedAt());
    assertEquals(
        List.of(ApplicationAction.APPLICATION_SUBMITTED, ApplicationAction.APPLICATION_APPROVED),
        actions(application));
    ApplicationEvent approved = application.getEvents().get(1);
    assertEquals("reviewer1", approved.getActor());
    assertEquals(ApplicationState.APPROVED, approved.getState());
    assertEquals("documents checked", approved.getNote());
    assertNull(application.getNoticeDueAt());
  }

  @Test
  void rejectionMovesToRejectedWithItsReasonAndNote() {
    Application application = newCertificate();
    application.reject(RejectionReason.FEE_NOT_PAID, "no receipt", "reviewer1", DECIDED);

    assertEquals(ApplicationState.REJECTED, application.getState());
    assertEquals(RejectionReason.FEE_NOT_PAID, application.getRejectionReason());
    assertEquals("no receipt", application.getRejectionNote());
    assertEquals("reviewer1", application.getDecidedBy());
    assertEquals(DECIDED, application.getDecidedAt());
    assertEquals(
        List.of(ApplicationAction.APPLICATION_SUBMITTED, ApplicationAction.APPLICATION_REJECTED),
        actions(application));
    ApplicationEvent rejected = application.getEvents().get(1);
    assertEquals(ApplicationState.REJECTED, rejected.getState());
    assertEquals("FEE_NOT_PAID: no receipt", rejected.getNote());
  }

  @Test
  void rejectionWithoutNoteRecordsTheReasonAlone() {
    Application application = newCertificate();
    application.reject(RejectionReason.DOCUMENTS_MISSING, null, "reviewer1", DECIDED);

    assertEquals("DOCUMENTS_MISSING", application.getEvents().get(1).getNote());
  }

  @Test
  void rejectionNoticeIsDue24HoursAfterTheRejection() {
    Application application = newCertificate();
    application.reject(RejectionReason.FEE_NOT_PAID, null, "reviewer1", DECIDED);

    assertEquals(DECIDED.plus(Duration.ofHours(24)), application.getNoticeDueAt());
  }

  @Test
  void approvedApplicationCannotBeDecidedAgain() {
    Application application = newCertificate();
    application.approve("reviewer1", DECIDED, null);

    IllegalStateException approveAgain =
        assertThrows(
            IllegalStateException.class,
            () -> application.approve("reviewer2", DECIDED.plusSeconds(1), null));
    assertTrue(approveAgain.getMessage().endsWith("was already decided: it is APPROVED"));
    assertThrows(
        IllegalStateException.class,
        () ->
            application.reject(
                RejectionReason.RISK_TO_CA, null, "reviewer2", DECIDED.plusSeconds(1)));
    assertEquals(ApplicationState.APPROVED, application.getState());
    assertEquals("reviewer1", application.getDecidedBy());
    assertEquals(
        List.of(ApplicationAction.APPLICATION_SUBMITTED, ApplicationAction.APPLICATION_APPROVED),
        actions(application));
  }

  @Test
  void rejectedApplicationCannotBeDecidedAgain() {
    Application application = newCertificate();
    application.reject(RejectionReason.FEE_NOT_PAID, null, "reviewer1", DECIDED);

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> application.approve("reviewer2", DECIDED.plusSeconds(1), null));
    assertTrue(e.getMessage().endsWith("was already decided: it is REJECTED"));
    assertEquals(ApplicationState.REJECTED, application.getState());
    assertEquals(DECIDED.plus(Duration.ofHours(24)), application.getNoticeDueAt());
    assertEquals(
        List.of(ApplicationAction.APPLICATION_SUBMITTED, ApplicationAction.APPLICATION_REJECTED),
        actions(application));
  }

  @Test
  void submittedApplicationIsOverdueOnlyAfterItsDecisionDeadline() {
    Application application = newCertificate();
    Instant due = ENTERED.plus(Duration.ofHours(48));

    assertFalse(application.isOverdueAt(ENTERED));
    assertFalse(application.isOverdueAt(due));
    assertTrue(application.isOverdueAt(due.plusSeconds(1)));
  }

  @Test
  void revocationRequestIsOverdueAfter24Hours() {
    Application application = change(ApplicationKind.REVOKE);

    assertFalse(application.isOverdueAt(ENTERED.plus(Duration.ofHours(24))));
    assertTrue(application.isOverdueAt(ENTERED.plus(Duration.ofHours(24)).plusSeconds(1)));
  }

  @Test
  void decidedApplicationIsNeverOverdue() {
    Application application = newCertificate();
    application.approve("reviewer1", ENTERED.plus(Duration.ofHours(50)), null);

    assertFalse(application.isOverdueAt(ENTERED.plus(Duration.ofHours(60))));
  }

  @Test
  void rejectionNoticeIsOverdueOnlyAfterItsDeadlineAndUntilSent() {
    Application application = newCertificate();
    assertFalse(application.isNoticeOverdueAt(ENTERED.plus(Duration.ofDays(30))));

    application.reject(RejectionReason.FEE_NOT_PAID, null, "reviewer1", DECIDED);
    Instant due = DECIDED.plus(Duration.ofHours(24));
    assertFalse(application.isNoticeOverdueAt(due));
    assertTrue(application.isNoticeOverdueAt(due.plusSeconds(1)));

    application.noticeSent(due.plusSeconds(2), "zhangsan@example.cn");
    assertFalse(application.isNoticeOverdueAt(due.plusSeconds(3)));
  }

  @Test
  void approvedApplicationHasNoNoticeDeadline() {
    Application application = newCertificate();
    application.approve("reviewer1", DECIDED, null);

    assertFalse(application.isNoticeOverdueAt(DECIDED.plus(Duration.ofDays(30))));
  }

  @Test
  void noticeSentKeepsTheFirstTimeAndRecordsEachSending() {
    Application application = newCertificate();
    application.reject(RejectionReason.FEE_NOT_PAID, null, "reviewer1", DECIDED);
    application.noticeSent(DECIDED.plusSeconds(10), "zhangsan@example.cn");
    application.noticeSent(DECIDED.plusSeconds(20), "zhangsan@example.cn");

    assertEquals(DECIDED.plusSeconds(10), application.getNoticeSentAt());
    assertEquals(
        List.of(
            ApplicationAction.APPLICATION_SUBMITTED,
            ApplicationAction.APPLICATION_REJECTED,
            ApplicationAction.APPLICANT_NOTIFIED,
            ApplicationAction.APPLICANT_NOTIFIED),
        actions(application));
    assertEquals("system", application.getEvents().get(2).getActor());
  }

  @Test
  void addedDocumentIsKeptAndRecordedWithItsHash() {
    Application application = newCertificate();
    application.addDocument(
        DocumentKind.ID_DOCUMENT,
        "id.pdf",
        "application/pdf",
        new byte[] {'%', 'P', 'D', 'F', '-'},
        "ab12",
        "clerk1",
        ENTERED);

    assertEquals(1, application.getDocuments().size());
    assertEquals(
        List.of(ApplicationAction.APPLICATION_SUBMITTED, ApplicationAction.DOCUMENT_ADDED),
        actions(application));
    assertEquals("ID_DOCUMENT: id.pdf (SHA-256 ab12)", application.getEvents().get(1).getNote());
  }

  @Test
  void envelopedKeyIsCopiedInAndOut() {
    Application application = newCertificate();
    byte[] envelope = {1, 2, 3};
    IssuedCertificate signing = target();
    application.certificatesIssued(signing, null, envelope);
    envelope[0] = 9;
    application.getEnvelopedKey()[1] = 9;

    assertSame(signing, application.getCertificate());
    assertArrayEquals(new byte[] {1, 2, 3}, application.getEnvelopedKey());
  }
}
