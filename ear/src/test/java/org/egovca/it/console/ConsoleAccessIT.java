package org.egovca.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.egovca.it.DeployedEar;
import org.egovca.it.Records;
import org.egovca.it.Records.AuditRow;
import org.egovca.it.RelyingParty;
import org.egovca.it.console.ConsoleFixture.Issued;
import org.egovca.it.console.ConsoleFixture.Staff;
import org.egovca.it.console.Desk.Entry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's security rules are the EJB layer's (CPS 6.5.2.4-6.5.2.5, 7.5.1.2, R16, R19): each
 * refusal is shown to the operator and recorded in the audit log, proven here through the browser
 * and the database. Separation of duties holds even for an account whose role changed (under dual
 * control); a role missing is a refusal with an audit event; a login needs the account's own
 * certificate, and another certificate does not count towards a lockout; every password rule is
 * enforced by name; repeated wrong passwords lock an account until unlocked; an application-unit
 * administrator reads only their unit's certificates, without audit rows; a revoked login
 * certificate ends its session at once; nobody asks for a change of their own account.
 */
@Order(Integer.MAX_VALUE - 2)
@ExtendWith({DeployedEar.class, ConsoleFixture.Extension.class})
class ConsoleAccessIT {

  private static ConsoleFixture fixture;
  private static Records records;

  @BeforeAll
  static void operators(ConsoleFixture shared) {
    fixture = shared;
    records = new Records(shared.server);
  }

  @Test
  void anEntryClerkWhoBecameAReviewerCannotDecideTheApplicationTheyEntered() throws Exception {
    Console switcher = fixture.operator(Staff.SWITCHER);
    long id =
        Desk.enter(
            switcher,
            Entry.personal(
                "陈静",
                Pki.residentId("32010619880808114"),
                "chen.jing@example.cn",
                Pki.sm2Request(fixture.work, "chen-jing"),
                Pki.scan(fixture.work, "chen-jing-id-card.png")));
    String reference = Desk.reference(id);

    // a security administrator asks for the entry clerk to become a reviewer: nothing changes
    // until a second one approves (dual control), and the one who asked cannot approve
    Console admin = fixture.admin();
    admin.open("operators.xhtml?username=" + Staff.SWITCHER.username);
    admin.check(role("manage:roles", "REVIEWER"), true);
    admin.submit("manage:saveRoles");
    String request = admin.text("requested-id");
    assertEquals("ENTRY_CLERK", roleOf(Staff.SWITCHER));
    admin.open("dual-control.xhtml?id=" + request);
    assertFalse(admin.present("decision:approve"), "the administrator who asked may only withdraw");
    assertTrue(admin.present("decision:withdraw"));
    fixture.approve(request);
    assertEquals("REVIEWER", roleOf(Staff.SWITCHER));

    // in a new session, as a reviewer, the decision is offered ... and refused by the service
    switcher.logout();
    switcher.login();
    switcher.open("application.xhtml?id=" + id);
    assertTrue(switcher.present("review:approve"), "a reviewer is offered the decision");
    long mark = records.auditMark();
    switcher.submit("review:approve");
    assertEquals(Texts.zh("separation.ownApplication"), switcher.messages());
    assertEquals(Texts.zh("enum.ApplicationState.SUBMITTED"), switcher.text("state"));
    switcher.select("review:rejectionReason", "RISK_TO_CA");
    switcher.submit("review:reject");
    assertEquals(Texts.zh("separation.ownApplication"), switcher.messages());

    List<AuditRow> denied = records.auditSince(mark, row -> row.outcome().equals("DENIED"));
    assertEquals(2, denied.size(), denied.toString());
    assertEquals("operator:clerk.sun", denied.get(0).actor());
    assertEquals("APPLICATION_APPROVED", denied.get(0).action());
    assertEquals(reference, denied.get(0).target());
    assertTrue(denied.get(0).detail().contains("CPS 7.5.1.2"), denied.get(0).detail());
    assertEquals("APPLICATION_REJECTED", denied.get(1).action());
    Records.StoredApplication stored = records.application(id);
    assertEquals("SUBMITTED", stored.state());
    assertFalse(stored.decided(), "the application holds a decision or a certificate");
    assertTrue(
        records
            .auditSince(
                mark,
                row -> row.action().startsWith("APPLICATION_") && !row.outcome().equals("DENIED"))
            .isEmpty(),
        "no decision was recorded");
  }

  @Test
  void operatorsWithoutTheRoleAreRefusedAndTheAttemptIsAudited() throws Exception {
    Issued sample = fixture.sample();
    Console auditor = fixture.operator(Staff.AUDITOR);
    long mark = records.auditMark();

    auditor.open("application.xhtml?id=" + sample.applicationId());
    assertEquals(Texts.zh("access.denied"), auditor.messages());
    assertFalse(auditor.present("reference"), "the application is not shown");
    auditor.open("certificate.xhtml?serial=" + sample.serial());
    assertEquals(Texts.zh("access.denied"), auditor.messages());
    assertFalse(auditor.present("serial"), "the certificate is not shown");

    List<AuditRow> denied =
        records.auditSince(mark, row -> row.actor().equals("operator:auditor.qian"));
    assertEquals(2, denied.size(), denied.toString());
    assertEquals("APPLICATION_VIEWED", denied.get(0).action());
    assertEquals(Desk.reference(sample.applicationId()), denied.get(0).target());
    assertEquals("DENIED", denied.get(0).outcome());
    assertTrue(denied.get(0).detail().contains("VIEW_APPLICATIONS"), denied.get(0).detail());
    assertEquals("CERTIFICATE_VIEWED", denied.get(1).action());
    assertEquals("serial=" + sample.serial(), denied.get(1).target());
    assertEquals("DENIED", denied.get(1).outcome());

    // a system maintainer keeps delivery running and has no business with applications or
    // certificates: no menu entry for them, and a page opened by its address is refused
    Console maintainer = fixture.operator(Staff.MAINTAINER);
    maintainer.open("index.xhtml");
    List<String> menu =
        maintainer.driver().findElements(By.cssSelector("nav a[id^='menu-']")).stream()
            .map(a -> a.getAttribute("id"))
            .toList();
    assertEquals(List.of("menu-home", "menu-deliveries", "menu-change-password"), menu);
    mark = records.auditMark();
    maintainer.open("applications.xhtml");
    assertEquals(Texts.zh("access.denied"), maintainer.messages());
    assertTrue(maintainer.driver().findElements(By.cssSelector("a.application-link")).isEmpty());
    maintainer.open("application.xhtml?id=" + sample.applicationId());
    assertEquals(Texts.zh("access.denied"), maintainer.messages());
    List<String> actions =
        records
            .auditSince(
                mark,
                row -> row.actor().equals("operator:maint.zhou") && row.outcome().equals("DENIED"))
            .stream()
            .map(AuditRow::action)
            .toList();
    assertEquals(List.of("APPLICATIONS_SEARCHED", "APPLICATION_VIEWED"), actions);
  }

  @Test
  void theRightPasswordWithAnotherOperatorsCertificateIsRefused() throws Exception {
    Console clerk = fixture.operator(Staff.CLERK);
    Console reviewer = fixture.operator(Staff.REVIEWER);
    long failuresBefore = failedLogins(Staff.REVIEWER.username);
    long mark = records.auditMark();

    // the clerk's browser presents the clerk's certificate; the reviewer's name and password
    clerk.attemptLogin(Staff.REVIEWER.username, reviewer.password());
    assertTrue(clerk.onLoginPage(), "logged in with another operator's certificate");
    assertEquals(Texts.zh("login.failed"), clerk.messages());

    List<AuditRow> failed = records.auditSince(mark, row -> row.action().equals("OPERATOR_LOGIN"));
    assertEquals(1, failed.size(), failed.toString());
    assertEquals("operator:reviewer.zhao", failed.get(0).actor());
    assertEquals("FAILURE", failed.get(0).outcome());
    assertTrue(
        failed.get(0).detail().contains("client certificate is not the one bound"),
        failed.get(0).detail());
    // not counted: whoever holds some other certificate must not lock the owner out
    assertEquals(failuresBefore, failedLogins(Staff.REVIEWER.username));

    // the clerk's own session is untouched
    clerk.open("index.xhtml");
    assertEquals("李文", clerk.text("header:operator-name"));
  }

  @Test
  void eachPasswordRuleOfCps6524IsEnforcedByName() throws Exception {
    Console chooser = fixture.account(Staff.CHOOSER);
    String oneTime = chooser.password();
    chooser.login();
    assertTrue(chooser.driver().getCurrentUrl().contains("/change-password.xhtml"));
    long mark = records.auditMark();
    String[][] attempts = {
      {"MIN_LENGTH", "ab1cd2e"},
      {"LETTER_AND_DIGIT", "abcdefgh"},
      {"LETTER_AND_DIGIT", "12345678"},
      {"LOWER_CASE", "ABCDEF12"},
      {"REPEATED_CHARACTERS", "abc111de"},
      {"REPEATED_CHARACTERS", "a1a2a3a4a"},
      // the display name "Zhou Xiaoming1" without its space
      {"NOT_THE_NAME", "zhouxiaoming1"},
      // "syso" of the user name sysop
      {"USERNAME_SUBSTRING", "xsysop42"},
    };
    for (String[] attempt : attempts) {
      chooser.attemptPasswordChange(oneTime, attempt[1]);
      assertTrue(
          chooser.driver().getCurrentUrl().contains("/change-password.xhtml"),
          attempt[1] + " was accepted");
      assertTrue(
          chooser.fieldError("password:newPassword").contains(Texts.zh("password." + attempt[0])),
          attempt[1]
              + " should be refused by rule "
              + attempt[0]
              + "; shown: "
              + chooser.fieldError("password:newPassword"));
    }
    // a password breaking two rules is refused naming both
    chooser.attemptPasswordChange(oneTime, "ABCDEFG");
    String shown = chooser.fieldError("password:newPassword");
    assertTrue(shown.contains(Texts.zh("password.MIN_LENGTH")), shown);
    assertTrue(shown.contains(Texts.zh("password.LETTER_AND_DIGIT")), shown);
    assertTrue(shown.contains(Texts.zh("password.LOWER_CASE")), shown);

    assertTrue(
        records.auditSince(mark, row -> row.action().equals("OPERATOR_PASSWORD_CHANGED")).isEmpty(),
        "no refused password was set");
    chooser.changePassword("Qr7#vLm2x");
    assertFalse(records.mustChangePassword(Staff.CHOOSER.username));
  }

  @Test
  void fiveWrongPasswordsLockTheAccountUntilTheSecurityAdministratorUnlocksIt() throws Exception {
    Console locked = fixture.account(Staff.LOCKED);
    String user = Staff.LOCKED.username;
    long mark = records.auditMark();
    for (int i = 1; i <= 5; i++) {
      assertNull(records.lockedUntil(user), "locked after " + (i - 1) + " failures");
      locked.attemptLogin(user, "Wr0ng-pass" + i);
      assertTrue(locked.onLoginPage());
      assertEquals(Texts.zh("login.failed"), locked.messages(), "attempt " + i);
      // the fifth failure locks the account and starts a new count
      assertEquals(i < 5 ? i : 0, failedLogins(user));
    }
    assertNotNull(records.lockedUntil(user));
    List<AuditRow> lock = records.auditSince(mark, row -> row.action().equals("OPERATOR_LOCKED"));
    assertEquals(1, lock.size(), lock.toString());
    assertEquals("operator:" + user, lock.get(0).target());

    // now even the right password is refused, saying why
    mark = records.auditMark();
    locked.attemptLogin(user, locked.password());
    assertTrue(locked.onLoginPage(), "a locked account logged in");
    assertEquals(Texts.zh("login.locked"), locked.messages());
    List<AuditRow> refused = records.auditSince(mark, row -> row.action().equals("OPERATOR_LOGIN"));
    assertEquals(1, refused.size());
    assertEquals("FAILURE", refused.get(0).outcome());
    assertTrue(refused.get(0).detail().contains("locked until"), refused.get(0).detail());

    Console admin = fixture.admin();
    admin.open("operators.xhtml?username=" + user);
    admin.submit("manage:unlock");
    assertTrue(admin.messages().contains(Texts.zh("operator.unlocked", user)), admin.messages());
    assertNull(records.lockedUntil(user));
    assertEquals(0, failedLogins(user));

    locked.login();
    assertTrue(
        locked.driver().getCurrentUrl().contains("/change-password.xhtml"),
        "the unlocked operator logs in (and must choose a password)");
  }

  @Test
  void anApplicationUnitAdministratorReadsOnlyTheirOwnUnitsCertificates() throws Exception {
    Console north = fixture.operator(Staff.UNIT_NORTH);
    Console south = fixture.operator(Staff.UNIT_SOUTH);
    long id =
        Desk.enter(
            fixture.operator(Staff.CLERK),
            Entry.personal(
                    "刘洋",
                    Pki.residentId("11010119770707003"),
                    "liu.yang@example.cn",
                    Pki.sm2Request(fixture.work, "liu-yang"),
                    Pki.scan(fixture.work, "liu-yang-id-card.png"))
                .withUnit("NORTH"));
    String serial = Desk.approve(fixture.operator(Staff.REVIEWER), id);
    assertEquals("NORTH", records.certificate(new BigInteger(serial, 16)).applicationUnit());

    long mark = records.auditMark();
    assertEquals(List.of(), searchBySubject(south, "刘洋"));
    south.open("certificate.xhtml?serial=" + serial);
    assertEquals(Texts.zh("access.otherUnit"), south.messages());
    assertFalse(south.present("serial"), "the certificate is not shown");
    south.open("application.xhtml?id=" + id);
    assertEquals(Texts.zh("access.otherUnit"), south.messages());
    List<AuditRow> denied =
        records.auditSince(mark, row -> row.actor().equals("operator:unit.south"));
    assertEquals(2, denied.size(), denied.toString());
    assertEquals("CERTIFICATE_VIEWED", denied.get(0).action());
    assertEquals("serial=" + serial, denied.get(0).target());
    assertEquals("DENIED", denied.get(0).outcome());
    assertTrue(denied.get(0).detail().contains("SOUTH"), denied.get(0).detail());
    assertEquals("APPLICATION_VIEWED", denied.get(1).action());
    assertEquals("DENIED", denied.get(1).outcome());

    assertEquals(List.of(serial), searchBySubject(north, "刘洋"));
    north.open("certificate.xhtml?serial=" + serial);
    assertEquals(serial, north.text("serial"));
    assertEquals("", north.messages());
    // the audit log is the auditor's alone (CPS 6.5.1.4): no audit rows on a certificate's page
    assertFalse(north.present("history"), "the certificate page shows audit rows");
    assertFalse(north.pageSource().contains("CERTIFICATE_ISSUED"), "an audit action is shown");
  }

  /**
   * A session opened with a login certificate ends as soon as that certificate is revoked: here
   * because a new one was issued (the old one is superseded), with dual control.
   */
  @Test
  void aRevokedLoginCertificateEndsItsSessionAtOnce() throws Exception {
    Console rotated = fixture.operator(Staff.ROTATED);
    // the PEM the fixture made the operator's PKCS#12 of: the login certificate, then the TLS CA
    byte[] loginCertificate =
        Pki.certificates(fixture.work.resolve(Staff.ROTATED.username + ".pem")).get(0);
    rotated.open("certificates.xhtml");
    assertFalse(rotated.onLoginPage());

    Console admin = fixture.admin();
    admin.open("operators.xhtml?username=" + Staff.ROTATED.username);
    admin.setValue(
        "manage:certificateRequest", Pki.rsaRequest(fixture.work, Staff.ROTATED.username + "-2"));
    admin.submit("manage:issueCertificate");
    ConsoleFixture.Approved approved = fixture.approveRequestOf(admin);
    assertTrue(approved.result().contains("BEGIN CERTIFICATE"), approved.result());
    // superseded: the one reason a new certificate revokes the old one with
    assertEquals("revoked (superseded)", RelyingParty.status(loginCertificate));

    // the browser still presents the old, now revoked, certificate: its next request is refused
    rotated.open("certificates.xhtml");
    assertTrue(rotated.onLoginPage(), "the session outlived its revoked login certificate");
    assertEquals(0, records.openSessionsOf(Staff.ROTATED.username));
  }

  /**
   * No administrator ends up with both factors of a colleague's login: {@code admin} asked for the
   * account with the operator's key (the fixture does), so {@code admin} may not approve a reset
   * whose one-time password they would receive.
   */
  @Test
  void whoSuppliedAnOperatorsKeyDoesNotReceiveTheirOneTimePassword() throws Exception {
    fixture.account(Staff.SPLIT);
    Console admin2 = fixture.admin2();
    admin2.open("operators.xhtml?username=" + Staff.SPLIT.username);
    admin2.submit("manage:resetPassword");
    String request = admin2.text("requested-id");

    Console admin = fixture.admin();
    long mark = records.auditMark();
    admin.open("dual-control.xhtml?id=" + request);
    admin.submit("decision:approve");

    assertFalse(admin.present("approval-panel"), "the one-time password was shown");
    assertTrue(admin.messages().contains("supplied the key"), admin.messages());
    List<AuditRow> denied = records.auditSince(mark, row -> row.outcome().equals("DENIED"));
    assertEquals(1, denied.size(), denied.toString());
    assertEquals("DUAL_CONTROL_APPROVED", denied.get(0).action());
    assertEquals("operator:admin", denied.get(0).actor());
    admin2.open("dual-control.xhtml?id=" + request);
    assertEquals(
        Texts.zh("enum.DualControlRequestState.PENDING"),
        admin2.text("request-state"),
        "the refused approval left the request waiting");
    admin2.submit("decision:withdraw");
  }

  /** Nobody asks for a change of their own account, not even a security administrator. */
  @Test
  void aSecurityAdministratorCannotAskForChangesToTheirOwnAccount() throws Exception {
    Console admin = fixture.admin();
    long mark = records.auditMark();
    admin.open("operators.xhtml?username=admin");
    admin.submit("manage:resetPassword");
    assertFalse(admin.present("requested-id"), "a request on one's own account was recorded");
    assertTrue(admin.messages().contains("their own account"), admin.messages());
    admin.check(role("manage:roles", "REVIEWER"), true);
    admin.submit("manage:saveRoles");
    assertFalse(admin.present("requested-id"), "a role change of one's own account was recorded");
    List<AuditRow> denied = records.auditSince(mark, row -> row.outcome().equals("DENIED"));
    assertEquals(2, denied.size(), denied.toString());
    assertEquals("operator:admin", denied.get(0).actor());
    assertEquals("DUAL_CONTROL_REQUESTED", denied.get(0).action());
    assertEquals(0, records.dualControlRequestsFor("operator:admin"));
  }

  private static By role(String field, String role) {
    return By.cssSelector("input[name='" + field + "'][value='" + role + "']");
  }

  private static String roleOf(Staff staff) throws Exception {
    return records.roleOf(staff.username);
  }

  private static long failedLogins(String username) throws Exception {
    return records.failedLogins(username);
  }

  private static List<String> searchBySubject(Console console, String subject) {
    console.open("certificates.xhtml");
    console.type("search:subject", subject);
    console.submit("search:submit");
    return console.driver().findElements(By.cssSelector("a.certificate-link")).stream()
        .map(WebElement::getText)
        .map(String::strip)
        .toList();
  }
}
