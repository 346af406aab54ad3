package org.egovca.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.egovca.it.DeployedEar;
import org.egovca.it.Records;
import org.egovca.it.Records.AuditRow;
import org.egovca.it.console.ConsoleFixture.Staff;
import org.egovca.it.console.Desk.Entry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The RA console's daily work in headless Chromium, each operator with their own client certificate
 * and password (CPS 6.1.4.1-6.1.4.3, 6.1.4.8): an entry clerk enters a personal SM2 application
 * with its ID card scan, a different reviewer approves it, the certificate is issued, found and
 * mailed about; another application is rejected with a reason the applicant is told; a revocation
 * request is entered and approved and the certificate shows as revoked. The screenshots of the
 * README are taken on the way. Each test enters the applications it works on.
 */
@Order(Integer.MAX_VALUE - 3)
@ExtendWith({DeployedEar.class, ConsoleFixture.Extension.class})
class ConsoleWorkflowIT {

  private static final String APPLICANT = "张伟";
  private static final String APPLICANT_EMAIL = "zhang.wei@example.cn";
  private static final String APPLICANT_ID = Pki.residentId("11010519850612153");

  /** The holder whose certificate is revoked: not the applicant, whom a search finds once. */
  private static final String HOLDER = "孙丽";

  private static final String HOLDER_EMAIL = "sun.li@example.cn";
  private static final String HOLDER_ID = Pki.residentId("11010819870923262");

  private static ConsoleFixture fixture;
  private static Records records;
  private static Console clerk;
  private static Console reviewer;

  @BeforeAll
  static void operators(ConsoleFixture shared) throws Exception {
    fixture = shared;
    records = new Records(shared.server);
    clerk = shared.operator(Staff.CLERK);
    reviewer = shared.operator(Staff.REVIEWER);
  }

  @Test
  void clerkEntersPersonalSm2ApplicationAnotherReviewerApprovesItAndTheCertificateIsIssued()
      throws Exception {
    Path scan = Pki.scan(fixture.work, "zhang-wei-id-card.png");
    Entry entry =
        Entry.personal(
                APPLICANT,
                APPLICANT_ID,
                APPLICANT_EMAIL,
                Pki.sm2Request(fixture.work, "zhang-wei"),
                scan)
            .withPlace("北京市朝阳区政务服务中心", "北京", "北京", "010-6512 3456");
    Desk.fill(clerk, entry);
    clerk.fullPageScreenshot(ConsoleFixture.SCREENSHOTS.resolve("application-entry.png"));
    long id = Desk.submit(clerk);
    String reference = Desk.reference(id);
    assertEquals(reference, clerk.text("reference"));
    assertEquals(Texts.zh("enum.ApplicationState.SUBMITTED"), clerk.text("state"));
    assertTrue(clerk.messages().contains(Texts.zh("application.submitted")), clerk.messages());
    assertTrue(clerk.pageText().contains("zhang-wei-id-card.png"), "the scan is listed");
    // the hash is shown nowhere: the stored row is what is proven
    assertEquals(
        sha256(scan),
        records.document(id, "ID_DOCUMENT").sha256(),
        "the scan is stored with its SHA-256");
    // the entry clerk has no decision on their own application
    assertFalse(clerk.present("review:approve"), "the entry clerk is offered a decision");

    reviewer.open("application.xhtml?id=" + id);
    assertTrue(reviewer.present("review:approve"));
    assertEquals("clerk.li", reviewer.text("enteredBy"));
    reviewer.fullPageScreenshot(ConsoleFixture.SCREENSHOTS.resolve("review.png"));
    String issuedSerial = Desk.approve(reviewer, id);
    assertNotNull(issuedSerial, "no certificate link on the approved application");
    assertTrue(reviewer.messages().contains(Texts.zh("application.approved")));
    assertEquals("reviewer.zhao", reviewer.text("decidedBy"));

    // found by subject and by the holder's ID number
    clerk.open("certificates.xhtml");
    clerk.type("search:subject", APPLICANT);
    clerk.submit("search:submit");
    assertEquals(List.of(issuedSerial), serialsFound(clerk));
    clerk.type("search:subject", "");
    clerk.type("search:idNumber", APPLICANT_ID);
    clerk.submit("search:submit");
    assertEquals(List.of(issuedSerial), serialsFound(clerk));
    clerk.driver().findElement(By.cssSelector("a.certificate-link")).click();
    clerk.browser().waitForPageLoad();
    clerk.browser().waitVisible(By.id("serial"));
    assertEquals(issuedSerial, clerk.text("serial"));
    assertEquals(Texts.zh("enum.CertificateStatus.GOOD"), clerk.text("status"));
    assertTrue(clerk.text("subject").contains("CN=" + APPLICANT), clerk.text("subject"));
    clerk.screenshot(ConsoleFixture.SCREENSHOTS.resolve("certificate.png"));

    // the applicant is told, with the serial and how to collect the certificate
    Mailbox.Notice notice = Mailbox.await(fixture.mail, APPLICANT_EMAIL, "approved: " + reference);
    assertTrue(
        notice.text().toLowerCase().contains(issuedSerial.toLowerCase()),
        "the serial is in the notice: " + notice.text());
    assertTrue(notice.text().contains("How to collect"), notice.text());
  }

  @Test
  void aRejectedApplicationShowsItsReasonAndTheApplicantIsMailedTheReason() throws Exception {
    String email = "li.na@example.cn";
    String note = "身份证复印件不清晰，请携带原件重新办理。";
    long id =
        Desk.enter(
            clerk,
            Entry.personal(
                "李娜",
                Pki.residentId("31010419900101224"),
                email,
                Pki.sm2Request(fixture.work, "li-na"),
                Pki.scan(fixture.work, "li-na-id-card.png")));
    long mark = records.auditMark();
    Desk.reject(reviewer, id, "DOCUMENTS_MISSING", note);
    String reason = Texts.zh("enum.RejectionReason.DOCUMENTS_MISSING");
    assertEquals(reason, reviewer.text("outcome-form:rejection-reason"));
    assertEquals(note, reviewer.text("outcome-form:rejection-note"));
    assertFalse(reviewer.present("outcome-form:certificate-link"));
    assertEquals(Texts.zh("enum.ApplicationState.REJECTED"), reviewer.text("state"));
    List<AuditRow> rejected =
        records.auditSince(mark, row -> row.action().equals("APPLICATION_REJECTED"));
    assertEquals(1, rejected.size(), rejected.toString());
    assertEquals("operator:reviewer.zhao", rejected.get(0).actor());
    assertEquals(Desk.reference(id), rejected.get(0).target());

    Mailbox.Notice notice = Mailbox.await(fixture.mail, email, "rejected: " + Desk.reference(id));
    assertTrue(
        notice.text().contains("the required documents were not provided"),
        "the reason is in the notice: " + notice.text());
    assertTrue(notice.text().contains(note), notice.text());

    // the printable receipt says so too
    reviewer.find("receipt-link").click();
    reviewer.browser().waitForUrlContaining("/receipt.xhtml");
    reviewer.browser().waitVisible(By.id("receipt-state"));
    reviewer.assertClean();
    assertEquals(Desk.reference(id), reviewer.text("receipt-reference"));
    assertEquals(Texts.zh("enum.ApplicationState.REJECTED"), reviewer.text("receipt-state"));
    assertEquals(reason, reviewer.text("receipt-rejection-reason"));
    assertTrue(reviewer.pageText().contains(note));
  }

  @Test
  void aRevocationRequestApprovedByTheReviewerRevokesTheCertificate() throws Exception {
    String issuedSerial =
        Desk.approve(
            reviewer,
            Desk.enter(
                clerk,
                Entry.personal(
                    HOLDER,
                    HOLDER_ID,
                    HOLDER_EMAIL,
                    Pki.sm2Request(fixture.work, "sun-li"),
                    Pki.scan(fixture.work, "sun-li-id-card.png"))));
    assertNotNull(issuedSerial, "no certificate link on the approved application");
    clerk.open("certificate.xhtml?serial=" + issuedSerial);
    clerk.find("certificate:revoke-link").click();
    clerk.browser().waitForUrlContaining("/change-request.xhtml");
    clerk.browser().waitVisible(By.id("change:revocationReason"));
    clerk.assertClean();
    assertEquals("REVOKE", selected(clerk, "change:kind"));
    assertEquals(issuedSerial, clerk.find("change:serialNumber").getAttribute("value"));
    assertTrue(clerk.text("change:certificate-subject").contains("CN=" + HOLDER));
    clerk.select("change:revocationReason", "H_HOLDER_REQUEST");
    clerk.select("change:initiator", "HOLDER");
    clerk.type("change:requesterName", HOLDER);
    clerk.select("change:idDocumentType", "RESIDENT_ID_CARD");
    clerk.type("change:idDocumentNumber", HOLDER_ID);
    clerk.type("change:email", HOLDER_EMAIL);
    clerk.select("change:documentKind1", "ID_DOCUMENT");
    clerk.attach("change:document1", Pki.scan(fixture.work, "sun-li-id-card-again.png"));
    clerk.submit("change:submit");
    long id = clerk.applicationId();
    assertEquals(Texts.zh("enum.ApplicationState.SUBMITTED"), clerk.text("state"));
    assertEquals(Texts.zh("enum.ApplicationKind.REVOKE"), clerk.text("kind"));
    clerk.open("certificate.xhtml?serial=" + issuedSerial);
    assertEquals(
        Texts.zh("enum.CertificateStatus.GOOD"),
        clerk.text("status"),
        "nothing is revoked before the reviewer decides");

    Desk.approve(reviewer, id);
    reviewer.open("certificate.xhtml?serial=" + issuedSerial);
    assertEquals(Texts.zh("enum.CertificateStatus.REVOKED"), reviewer.text("status"));
    assertFalse(reviewer.text("revoked-at").isEmpty());
    assertEquals(
        Texts.zh("enum.RevocationReason.H_HOLDER_REQUEST"), reviewer.text("revocation-reason"));

    Mailbox.Notice notice =
        Mailbox.await(fixture.mail, HOLDER_EMAIL, "revoked: " + Desk.reference(id));
    assertTrue(
        notice.text().toLowerCase().contains(issuedSerial.toLowerCase()),
        "the serial is in the revocation notice: " + notice.text());
  }

  @Test
  void homeAndLoginPagesAreCapturedForTheReadme() throws Exception {
    // an application waiting for a decision, so the reviewer's home page has work on it
    Desk.enter(
        clerk,
        Entry.personal(
            "王芳",
            Pki.residentId("44030519920315002"),
            "wang.fang@example.cn",
            Pki.sm2Request(fixture.work, "wang-fang"),
            Pki.scan(fixture.work, "wang-fang-id-card.png")));
    reviewer.open("index.xhtml");
    assertTrue(Integer.parseInt(reviewer.text("count-waiting")) >= 1);
    assertTrue(reviewer.pageText().contains("王芳"), "the waiting application is listed");
    reviewer.screenshot(ConsoleFixture.SCREENSHOTS.resolve("home.png"));

    // the login page, as a new operator's browser shows it: the certificate was presented
    Console newcomer = fixture.account(Staff.AUDITOR);
    newcomer.open("login.xhtml");
    assertTrue(newcomer.text("certificate-subject").contains("CN=auditor.qian"));
    newcomer.screenshot(ConsoleFixture.SCREENSHOTS.resolve("login.png"));
  }

  @Test
  void languageSwitchShowsEnglishAndFieldMessagesFollowTheOperatorsLanguage() {
    try {
      clerk.open("application-new.xhtml");
      assertEquals(Texts.zh("entry.title"), title(clerk));
      clerk.submit("application:submit");
      assertEquals(Texts.zh("field.required"), clerk.fieldError("application:commonName"));
      assertEquals(Texts.zh("field.required"), clerk.fieldError("application:applicantName"));

      clerk.submit("header:lang-en");
      assertEquals(Texts.en("entry.title"), title(clerk));
      assertTrue(clerk.pageText().contains(Texts.en("label.commonName")));
      assertEquals("en", clerk.driver().findElement(By.tagName("html")).getAttribute("lang"));
      clerk.submit("application:submit");
      assertEquals(Texts.en("field.required"), clerk.fieldError("application:commonName"));
      assertEquals(Texts.en("field.required"), clerk.fieldError("application:applicantName"));
      assertEquals(
          Texts.en("application.agreement"), clerk.fieldError("application:agreementAccepted"));
      clerk.screenshot(ConsoleFixture.SCREENSHOTS.resolve("application-entry-en.png"));
    } finally {
      clerk.open("index.xhtml");
      clerk.submit("header:lang-zh");
    }
    assertTrue(clerk.pageText().contains(Texts.zh("nav.home")));
  }

  private static String title(Console console) {
    return console.driver().findElement(By.cssSelector("h1.page-title")).getText().strip();
  }

  private static List<String> serialsFound(Console console) {
    return console.driver().findElements(By.cssSelector("a.certificate-link")).stream()
        .map(WebElement::getText)
        .map(String::strip)
        .toList();
  }

  private static String selected(Console console, String id) {
    return new org.openqa.selenium.support.ui.Select(console.find(id))
        .getFirstSelectedOption()
        .getAttribute("value");
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(java.nio.file.Files.readAllBytes(file)));
  }
}
