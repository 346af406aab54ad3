package org.egovca.it.console;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.egovca.it.DeployedEar;
import org.egovca.it.Records;
import org.egovca.it.Records.AuditRow;
import org.egovca.it.console.ConsoleFixture.Staff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;

/**
 * Hostile input in the console's forms (HTML and script, very long text, control characters, DN
 * syntax): every field of the application entry either refuses it with a message next to the field
 * naming the problem, or, where the field is free text (names, notes), stores it verbatim and shows
 * it as text. No script ever runs (no dialog, no element made of the input), nothing is stored from
 * a refused form, and no page shows a stack trace ({@link Console#assertClean} after each step).
 */
@Order(Integer.MAX_VALUE - 1)
@ExtendWith({DeployedEar.class, ConsoleFixture.Extension.class})
class ConsoleHostileInputIT {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "\"><img src=x onerror=alert(1)>";
  static final String MARKUP = SCRIPT + IMG;
  static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";
  static final String ESCAPED_IMG = "&lt;img src=x onerror=alert(1)&gt;";
  static final String LONG = "长".repeat(5000);

  /** The fields of a subject DN attribute. */
  private static final List<String> DN_FIELDS =
      List.of("commonName", "organisationalUnit", "organisation", "locality", "province");

  /** Free text: stored as typed, shown escaped. */
  private static final List<String> FREE_TEXT =
      List.of("applicantName", "organisationName", "agentName");

  /** Fields with a format of their own. */
  private static final List<String> FORMATTED =
      List.of(
          "country",
          "dnsNames",
          "pkcs10",
          "idDocumentNumber",
          "organisationCode",
          "businessLicenceNumber",
          "agentIdDocumentNumber",
          "email",
          "phone");

  private static ConsoleFixture fixture;
  private static Records records;
  private static Console clerk;

  @BeforeAll
  static void operators(ConsoleFixture shared) throws Exception {
    fixture = shared;
    records = new Records(shared.server);
    clerk = shared.operator(Staff.CLERK);
  }

  @Test
  void markupInEveryEntryFieldIsRefusedNextToTheFieldOrKeptAsText() throws Exception {
    long applications = applications();
    openDeviceForm();
    for (String field : all()) {
      clerk.setValue("application:" + field, MARKUP);
    }
    clerk.submit("application:submit");
    clerk.assertInert();
    assertFalse(clerk.pageSource().contains(SCRIPT), "markup is in the page unescaped");
    assertFalse(clerk.pageSource().contains("<img src=x"), "markup is in the page unescaped");

    List<Executable> checks = new ArrayList<>();
    for (String field : DN_FIELDS) {
      checks.add(() -> assertEquals(Texts.zh("field.dnSyntax"), error(field), field));
    }
    for (String field : FREE_TEXT) {
      checks.add(() -> assertEquals("", error(field), field + " is free text"));
      checks.add(() -> assertEquals(MARKUP, value(field), field + " keeps what was typed"));
    }
    for (String field : FORMATTED) {
      checks.add(() -> assertFalse(error(field).isEmpty(), field + " takes markup"));
    }
    checks.add(() -> assertEquals(Texts.zh("field.tooLong"), error("country")));
    checks.add(() -> assertEquals(Texts.zh("field.email"), error("email")));
    assertAll(checks);
    assertEquals(applications, applications(), "a refused form stored nothing");
  }

  @Test
  void freeTextWithMarkupIsStoredVerbatimAndShownAsTextEverywhere() throws Exception {
    Path hostileScan = Pki.scan(fixture.work, "<img src=x onerror=alert(1)>.png");
    String idNumber = Pki.residentId("11010219660606002");
    String email = "zhao.lei@example.cn";
    clerk.open("application-new.xhtml");
    clerk.select("application:profile", "personal-sign");
    clerk.type("application:commonName", "赵磊");
    clerk.setValue("application:pkcs10", Pki.sm2Request(fixture.work, "zhao-lei"));
    clerk.setValue("application:applicantName", MARKUP);
    clerk.type("application:idDocumentNumber", idNumber);
    clerk.setValue("application:organisationName", "CN=a,O=b");
    clerk.setValue("application:agentName", SCRIPT);
    clerk.select("application:agentIdDocumentType", "RESIDENT_ID_CARD");
    clerk.type("application:agentIdDocumentNumber", Pki.residentId("11010219700101003"));
    clerk.type("application:email", email);
    clerk.check(By.id("application:agreementAccepted"), true);
    clerk.select("application:documentKind1", "ID_DOCUMENT");
    clerk.attach("application:document1", hostileScan);
    clerk.select("application:documentKind2", "AUTHORISATION_LETTER");
    clerk.attach("application:document2", pdf("authorisation.pdf"));
    clerk.submit("application:submit");
    long id = clerk.applicationId();

    assertEquals(MARKUP, clerk.text("applicant-name"));
    assertTrue(clerk.pageText().contains("CN=a,O=b"));
    assertTrue(clerk.pageText().contains("<img src=x onerror=alert(1)>.png"), "file name shown");
    assertShownEscaped(clerk);
    Records.StoredApplication stored = records.application(id);
    assertEquals(MARKUP, stored.applicantName());
    assertEquals("CN=a,O=b", stored.organisationName());
    assertEquals(SCRIPT, stored.agentName());
    assertEquals("CN=赵磊,C=CN", stored.subjectDn());
    assertEquals(
        "<img src=x onerror=alert(1)>.png", records.document(id, "ID_DOCUMENT").fileName());

    // the reviewer's work list and the application search show the name as text
    Console reviewer = fixture.operator(Staff.REVIEWER);
    reviewer.open("index.xhtml");
    assertTrue(reviewer.pageText().contains(MARKUP), "listed by its name");
    assertShownEscaped(reviewer);
    reviewer.open("applications.xhtml");
    reviewer.type("search:text", "alert(1)");
    reviewer.submit("search:submit");
    assertTrue(reviewer.pageText().contains(MARKUP));
    assertShownEscaped(reviewer);

    // a rejection note with markup: stored, shown as text on the page and the receipt, mailed
    // as plain text
    Desk.reject(reviewer, id, "IDENTITY_NOT_VERIFIED", MARKUP);
    assertEquals(MARKUP, reviewer.text("outcome-form:rejection-note"));
    assertShownEscaped(reviewer);
    assertEquals(MARKUP, records.application(id).rejectionNote());
    reviewer.open("receipt.xhtml?id=" + id);
    assertTrue(reviewer.pageText().contains(MARKUP));
    assertShownEscaped(reviewer);
    Mailbox.Notice notice = Mailbox.await(fixture.mail, email, "rejected: " + Desk.reference(id));
    assertTrue(notice.text().contains(MARKUP), notice.text());
    assertTrue(notice.contentType().startsWith("text/plain"), notice.contentType());

    // the audit log (rejection detail) shows it as text to the auditor
    Console auditor = fixture.operator(Staff.AUDITOR);
    auditor.open("audit.xhtml");
    auditor.type("search:text", "alert(1)");
    auditor.submit("search:submit");
    assertTrue(auditor.pageText().contains(MARKUP), auditor.pageText());
    assertShownEscaped(auditor);
  }

  @Test
  void fiveThousandCharactersInEveryEntryFieldAreRefusedAsTooLong() throws Exception {
    long applications = applications();
    openDeviceForm();
    clerk.select("application:agentIdDocumentType", "RESIDENT_ID_CARD");
    for (String field : all()) {
      clerk.setValue("application:" + field, field.equals("agentName") ? "王五" : LONG);
    }
    clerk.submit("application:submit");
    List<Executable> checks = new ArrayList<>();
    for (String field : all()) {
      if (field.equals("agentName")) {
        continue;
      }
      if (field.equals("pkcs10")) {
        // 8192 characters are allowed for a PEM block: this one is no request
        checks.add(
            () ->
                assertTrue(
                    error(field).startsWith(Texts.zh("application.pkcs10", "").strip()),
                    error(field)));
      } else if (field.equals("dnsNames")) {
        // (followed by "a device certificate needs its host names": the long ones were dropped)
        checks.add(() -> assertTrue(error(field).startsWith(Texts.zh("field.tooLong")), field));
      } else {
        checks.add(() -> assertEquals(Texts.zh("field.tooLong"), error(field), field));
      }
    }
    assertAll(checks);
    // the agent's name is checked before the agent's document
    clerk.setValue("application:agentName", LONG);
    clerk.submit("application:submit");
    assertEquals(Texts.zh("field.tooLong"), error("agentName"));
    assertEquals(applications, applications(), "a refused form stored nothing");
  }

  @Test
  void controlCharactersAndDnSyntaxAreRefusedNextToTheField() throws Exception {
    long applications = applications();
    clerk.open("application-new.xhtml");
    clerk.select("application:profile", "personal-sign");
    Map<String, String> typed =
        Map.of(
            "commonName", "CN=a,O=b",
            "organisationalUnit", "a\u0000b",
            "organisation", "bell\u0007",
            "locality", "\u202Eevil",
            "province", "Bei+jing",
            "applicantName", "张\u0000三",
            "organisationName", "\u202Eabc",
            "agentName", "a\u0007b",
            "email", "a\u0000@example.cn",
            "phone", "010\u00006512");
    typed.forEach((field, value) -> clerk.setValue("application:" + field, value));
    clerk.submit("application:submit");
    String control = Texts.zh("field.controlCharacters");
    assertAll(
        () -> assertEquals(Texts.zh("field.dnSyntax"), error("commonName")),
        () -> assertEquals(Texts.zh("field.dnSyntax"), error("province")),
        () -> assertEquals(control, error("organisationalUnit")),
        () -> assertEquals(control, error("organisation")),
        () -> assertEquals(control, error("locality")),
        () -> assertEquals(control, error("applicantName")),
        () -> assertEquals(control, error("organisationName")),
        () -> assertEquals(control, error("agentName")),
        () -> assertEquals(control, error("email")),
        () -> assertEquals(control, error("phone")));
    assertEquals(applications, applications(), "a refused form stored nothing");
  }

  @Test
  void markupInOtherFormsIsRefusedOrShownAsText() throws Exception {
    // a value no option has, smuggled into a select
    clerk.open("application-new.xhtml");
    clerk
        .browser()
        .script(
            "var s = document.getElementById('application:idDocumentType');"
                + " var o = document.createElement('option'); o.value = arguments[0];"
                + " o.text = 'x'; s.add(o); s.value = arguments[0];",
            MARKUP);
    clerk.submit("application:submit");
    assertFalse(error("idDocumentType").isEmpty(), "a value that is no option is refused");
    clerk.assertInert();

    // the login form: refused, and the audit log shows the name typed as text
    long mark = records.auditMark();
    Console probe = fixture.account(Staff.MAINTAINER);
    probe.attemptLogin(MARKUP, "x");
    assertEquals(Texts.zh("login.failed"), probe.messages());
    probe.assertInert();
    List<AuditRow> failed = records.auditSince(mark, row -> row.action().equals("OPERATOR_LOGIN"));
    assertEquals(List.of("operator:" + MARKUP), failed.stream().map(AuditRow::actor).toList());
    Console auditor = fixture.operator(Staff.AUDITOR);
    auditor.open("audit.xhtml");
    auditor.type("search:text", "onerror");
    auditor.submit("search:submit");
    assertTrue(auditor.pageText().contains("operator:" + MARKUP), auditor.pageText());
    assertShownEscaped(auditor);

    // certificate search: nothing found, the field keeps the text
    clerk.open("certificates.xhtml");
    clerk.setValue("search:subject", MARKUP);
    clerk.submit("search:submit");
    assertEquals(MARKUP, clerk.find("search:subject").getAttribute("value"));
    assertTrue(clerk.driver().findElements(By.cssSelector("a.certificate-link")).isEmpty());
    clerk.assertInert();

    // a revocation request's requester: stored and shown as text
    ConsoleFixture.Issued sample = fixture.sample();
    clerk.open("change-request.xhtml?kind=REVOKE&serial=" + sample.serial());
    clerk.select("change:revocationReason", "E_KEY_COMPROMISE");
    clerk.setValue("change:requesterName", MARKUP);
    clerk.setValue("change:idDocumentNumber", Pki.residentId("11010819800101001"));
    clerk.type("change:email", "zhou.min@example.cn");
    clerk.select("change:documentKind1", "ID_DOCUMENT");
    clerk.attach("change:document1", Pki.scan(fixture.work, "zhou-min-again.png"));
    clerk.submit("change:submit");
    long id = clerk.applicationId();
    assertEquals(MARKUP, clerk.text("applicant-name"));
    assertShownEscaped(clerk);
    assertEquals(MARKUP, records.application(id).applicantName());

    // the operators page: a display name and a unit name with markup
    Console admin = fixture.admin();
    admin.open("operators.xhtml");
    admin.type("unitForm:unitCode", "PROBE");
    admin.setValue("unitForm:unitName", MARKUP);
    admin.submit("unitForm:create");
    assertTrue(admin.messages().contains(Texts.zh("unit.created", "PROBE")), admin.messages());
    admin.type("newOperator:username", "probe.display");
    admin.setValue("newOperator:displayName", MARKUP);
    admin.check(By.cssSelector("input[name='newOperator:roles'][value='AUDITOR']"), true);
    admin.setValue("newOperator:certificateRequest", Pki.rsaRequest(fixture.work, "probe.display"));
    admin.submit("newOperator:create");
    String request = admin.text("requested-id");
    // the second administrator sees what they approve, the markup as text
    Console approver = fixture.admin2();
    approver.open("dual-control.xhtml?id=" + request);
    assertTrue(approver.text("request-summary").contains(MARKUP), approver.pageText());
    assertShownEscaped(approver);
    assertTrue(fixture.approve(request).secret() != null, "no one-time password");
    admin.open("operators.xhtml");
    assertTrue(admin.pageText().contains(MARKUP));
    assertShownEscaped(admin);
    assertEquals(MARKUP, records.displayNameOf("probe.display"));
    assertEquals(MARKUP, records.applicationUnitName("PROBE"));
  }

  /** The markup is on the page as escaped text and made no element. */
  private static void assertShownEscaped(Console console) {
    console.assertInert();
    String source = console.pageSource();
    assertTrue(source.contains(ESCAPED_SCRIPT) || source.contains(ESCAPED_IMG), "not escaped");
    assertFalse(source.contains(SCRIPT), "markup is in the page unescaped");
    assertFalse(source.contains("<img src=x"), "markup is in the page unescaped");
  }

  /** A device certificate's form, where every field is shown (host names too). */
  private static void openDeviceForm() {
    clerk.open("application-new.xhtml");
    clerk.select("application:profile", "device-ssl-sign");
    clerk.browser().waitVisible(By.id("application:dnsNames"));
  }

  private static List<String> all() {
    List<String> fields = new ArrayList<>(DN_FIELDS);
    fields.addAll(FREE_TEXT);
    fields.addAll(FORMATTED);
    return fields;
  }

  private static String error(String field) {
    return clerk.fieldError("application:" + field);
  }

  private static String value(String field) {
    return clerk.find("application:" + field).getDomProperty("value");
  }

  private static long applications() throws Exception {
    return records.applicationCount();
  }

  private static Path pdf(String name) throws Exception {
    return Files.writeString(
        fixture.work.resolve(name),
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  }
}
