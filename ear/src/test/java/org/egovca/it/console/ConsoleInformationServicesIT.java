package org.egovca.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.egovca.it.CaServer;
import org.egovca.it.DeployedEar;
import org.egovca.it.Records;
import org.egovca.it.Records.AuditRow;
import org.egovca.it.RemoteRa;
import org.egovca.it.SecurityAdministrators;
import org.egovca.it.console.ConsoleFixture.Staff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The console pages of the information services, in headless Chromium: the security administrator
 * registers an e-gov system and its subscription (a wrong endpoint is refused, naming the problem,
 * and plain HTTP only with the explicit allowance for a test system, marked in the list); when that
 * system cannot be reached, the system maintainer sees its queue grow with the failure and the
 * error, inspects an item and asks for a retry (audited); the security administrator pauses the
 * system.
 */
@Order(Integer.MAX_VALUE - 4)
@ExtendWith({DeployedEar.class, ConsoleFixture.Extension.class})
class ConsoleInformationServicesIT {

  private static final String UNIT = "CONSOLE-SYNC";
  private static final String SYSTEM = "unreachable-bureau";

  private static ConsoleFixture fixture;
  private static CaServer server;
  private static Records records;

  @BeforeAll
  static void shared(ConsoleFixture shared) {
    fixture = shared;
    server = shared.server;
    records = new Records(server);
  }

  @Test
  void anUnreachableEgovSystemsQueueIsVisibleInspectableAndRetried() throws Exception {
    Console admin = fixture.admin();
    admin.open("operators.xhtml");
    admin.type("unitForm:unitCode", UNIT);
    admin.type("unitForm:unitName", "控制台同步单位");
    admin.submit("unitForm:create");

    admin.open("egov-systems.xhtml");
    admin.type("register:name", SYSTEM);
    admin.select("register:applicationUnit", UNIT);
    admin.type("register:endpoint", "ftp://127.0.0.1/sync");
    admin.setValue("register:certificateRequest", Pki.rsaRequest(fixture.work, SYSTEM));
    admin.submit("register:submit");
    assertTrue(admin.pageText().contains("http:// or https://"), admin.pageText());
    assertTrue(records.egovSystem(SYSTEM).isEmpty());

    // port 9 (discard) is closed on loopback: every delivery is refused at once. Plain HTTP is
    // refused, naming the rule, until the administrator allows it for this test system.
    admin.type("register:endpoint", "http://127.0.0.1:9/CertificateSyncService");
    admin.setValue("register:certificateRequest", Pki.rsaRequest(fixture.work, SYSTEM));
    admin.submit("register:submit");
    assertTrue(admin.pageText().contains("must be https://"), admin.pageText());
    assertTrue(records.egovSystem(SYSTEM).isEmpty());
    admin.check(By.id("register:allowPlainHttp"), true);
    admin.setValue("register:certificateRequest", Pki.rsaRequest(fixture.work, SYSTEM));
    admin.submit("register:submit");
    // the registration waits for a second security administrator (dual control)
    assertTrue(records.egovSystem(SYSTEM).isEmpty());
    ConsoleFixture.Approved approved = fixture.approveRequestOf(admin);
    assertTrue(approved.result().startsWith("-----BEGIN CERTIFICATE-----"), approved.result());
    admin.open("egov-systems.xhtml");
    assertTrue(admin.pageText().contains("http://127.0.0.1:9/CertificateSyncService"));
    assertTrue(admin.pageText().contains(Texts.zh("egovSystems.plainHttpBadge")), admin.pageText());
    assertTrue(records.egovSystem(SYSTEM).orElseThrow().plainHttpAllowed());
    SecurityAdministrators.of(server).authoriseDemoRa(server, UNIT);

    BigInteger serial = RemoteRa.issueForUnit(server, fixture.work, "控制台同步持有者", UNIT);
    String queue = records.egovSystem(SYSTEM).orElseThrow().queue();
    awaitFailure(queue);

    Console maintainer = fixture.operator(Staff.MAINTAINER);
    maintainer.open("deliveries.xhtml");
    String page = maintainer.pageText();
    assertTrue(
        page.contains(SYSTEM)
            && page.contains("not delivered")
            && page.contains("Connection refused"),
        page);

    maintainer.open("deliveries.xhtml?queue=" + queue);
    maintainer.driver().findElement(By.cssSelector("a.item-link")).click();
    assertTrue(
        maintainer.text("item-last-error").contains("not delivered"),
        maintainer.text("item-last-error"));
    assertTrue(Integer.parseInt(maintainer.text("item-attempts")) >= 1);
    assertTrue(maintainer.pageText().contains(serial.toString(16)), maintainer.pageText());

    long mark = records.auditMark();
    maintainer.open("deliveries.xhtml");
    maintainer.submit(
        By.xpath(
            "//tr[.//div[normalize-space(.)='" + queue + "']]//button[contains(@id,'retry')]"));
    assertEquals(Texts.zh("deliveries.retried", queue), maintainer.messages());
    List<String> retries =
        records.auditSince(mark, row -> row.actor().equals("operator:maint.zhou")).stream()
            .map(AuditRow::action)
            .toList();
    assertTrue(retries.contains("DELIVERY_RETRIED"), retries.toString());

    admin.open("egov-systems.xhtml");
    admin.submit(
        By.xpath(
            "//tr[.//span[normalize-space(.)='"
                + SYSTEM
                + "']]//button[contains(@id,'deactivate')]"));
    assertEquals(Texts.zh("egovSystems.deactivated", SYSTEM), admin.messages());
    assertFalse(records.egovSystem(SYSTEM).orElseThrow().active());
    admin.screenshot(ConsoleFixture.SCREENSHOTS.resolve("egov-systems.png"));
    maintainer.open("deliveries.xhtml");
    maintainer.screenshot(ConsoleFixture.SCREENSHOTS.resolve("deliveries.png"));
  }

  private static void awaitFailure(String queue) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (records.attemptedDeliveries(queue) == 0) {
      assertTrue(System.nanoTime() < deadline, "no delivery to " + queue + " was attempted");
      Thread.sleep(250);
    }
  }
}
