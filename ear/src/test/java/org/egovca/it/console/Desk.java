package org.egovca.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/**
 * The application workflow as operators click through it: an entry clerk fills in and submits the
 * new-application form, a reviewer approves or rejects on the application's page.
 */
final class Desk {

  /** What the entry clerk types for a personal certificate; null fields stay empty. */
  record Entry(
      String profile,
      String commonName,
      String organisation,
      String locality,
      String province,
      String applicantName,
      String idNumber,
      String email,
      String phone,
      String unit,
      String pkcs10,
      Path scan) {

    /** A personal signing certificate (SM2) for a resident, with their ID card scan. */
    static Entry personal(String name, String idNumber, String email, String pkcs10, Path scan) {
      return new Entry(
          "personal-sign", name, null, null, null, name, idNumber, email, null, null, pkcs10, scan);
    }

    Entry withPlace(String organisation, String locality, String province, String phone) {
      return new Entry(
          profile,
          commonName,
          organisation,
          locality,
          province,
          applicantName,
          idNumber,
          email,
          phone,
          unit,
          pkcs10,
          scan);
    }

    Entry withUnit(String code) {
      return new Entry(
          profile,
          commonName,
          organisation,
          locality,
          province,
          applicantName,
          idNumber,
          email,
          phone,
          code,
          pkcs10,
          scan);
    }

    Entry withApplicantName(String name) {
      return new Entry(
          profile,
          commonName,
          organisation,
          locality,
          province,
          name,
          idNumber,
          email,
          phone,
          unit,
          pkcs10,
          scan);
    }
  }

  private Desk() {}

  /** Opens the new-application form and fills it in (without submitting). */
  static void fill(Console clerk, Entry entry) {
    clerk.open("application-new.xhtml");
    clerk.select("application:profile", entry.profile());
    clerk.type("application:commonName", entry.commonName());
    typeIfGiven(clerk, "application:organisation", entry.organisation());
    typeIfGiven(clerk, "application:locality", entry.locality());
    typeIfGiven(clerk, "application:province", entry.province());
    clerk.setValue("application:pkcs10", entry.pkcs10());
    clerk.type("application:applicantName", entry.applicantName());
    clerk.select("application:idDocumentType", "RESIDENT_ID_CARD");
    clerk.type("application:idDocumentNumber", entry.idNumber());
    clerk.type("application:email", entry.email());
    typeIfGiven(clerk, "application:phone", entry.phone());
    clerk.check(org.openqa.selenium.By.id("application:agreementAccepted"), true);
    clerk.select("application:feeStatus", "PAID");
    if (entry.unit() != null) {
      clerk.select("application:applicationUnit", entry.unit());
    }
    clerk.select("application:documentKind1", "ID_DOCUMENT");
    clerk.attach("application:document1", entry.scan());
  }

  /** Submits the filled-in form; returns the new application's id. */
  static long submit(Console clerk) {
    clerk.submit("application:submit");
    assertTrue(
        clerk.driver().getCurrentUrl().contains("/application.xhtml"),
        "application refused: " + clerk.messages() + " / " + clerk.pageText());
    return clerk.applicationId();
  }

  static long enter(Console clerk, Entry entry) {
    fill(clerk, entry);
    return submit(clerk);
  }

  /** Approves on the application's page; returns the serial of the certificate issued, if any. */
  static String approve(Console reviewer, long id) {
    reviewer.open("application.xhtml?id=" + id);
    reviewer.submit("review:approve");
    assertEquals(
        Texts.zh("enum.ApplicationState.APPROVED"),
        reviewer.text("state"),
        "not approved: " + reviewer.messages());
    return reviewer.present("outcome-form:certificate-link")
        ? reviewer.text("outcome-form:certificate-link")
        : null;
  }

  /** Rejects on the application's page with one of the CPS 6.1.4.2.2 reasons and a note. */
  static void reject(Console reviewer, long id, String reason, String note) {
    reviewer.open("application.xhtml?id=" + id);
    reviewer.select("review:rejectionReason", reason);
    reviewer.setValue("review:rejectionNote", note);
    reviewer.submit("review:reject");
    assertEquals(
        Texts.zh("enum.ApplicationState.REJECTED"),
        reviewer.text("state"),
        "not rejected: " + reviewer.messages());
  }

  /** The reference an application is known by (RA-00000042). */
  static String reference(long id) {
    return String.format("RA-%08d", id);
  }

  private static void typeIfGiven(Console console, String id, String text) {
    if (text != null) {
      console.type(id, text);
    }
  }
}
