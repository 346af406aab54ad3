package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ra.application.ApplicationReview;
import org.egovca.ra.application.CertificateDetail;
import org.egovca.ra.application.RaQueries;

/**
 * A certificate's page: decoded fields, extensions, status and history; for a reviewer the forced
 * revocation by the RA (CPS §6.1.4.8.2), a distinct and audited action with a mandatory note.
 */
@Named
@ViewScoped
public class CertificatePage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String REVOKE = "revoke";

  @EJB private RaQueries queries;
  @EJB private ApplicationReview review;

  private String serial;
  private CertificateDetail detail;
  private String revocationReason;
  private String note;

  public void open() {
    if (serial == null || serial.isBlank()) {
      Feedback.error("certificate.notFound");
      return;
    }
    detail = fetch(null, () -> queries.certificate(token(), serial.strip())).orElse(null);
  }

  public void downloadPem() {
    if (detail != null) {
      Downloads.sendText(detail.serialNumberHex() + ".pem", "application/x-pem-file", detail.pem());
    }
  }

  public String forceRevocation() {
    if (!perform(
        REVOKE,
        () -> review.forceRevocation(token(), detail.serialNumberHex(), revocationReason, note))) {
      return null;
    }
    Feedback.info("certificate.revoked");
    Feedback.keepForRedirect();
    return "/certificate.xhtml?faces-redirect=true&serial=" + detail.serialNumberHex();
  }

  public boolean isGood() {
    return detail != null && detail.status() == CertificateStatus.GOOD;
  }

  public boolean isRevocable() {
    return isGood() && can("FORCE_REVOCATION");
  }

  public boolean isChangeable() {
    return isGood() && can("ENTER_APPLICATION");
  }

  public String getSerial() {
    return serial;
  }

  public void setSerial(String serial) {
    this.serial = serial;
  }

  public CertificateDetail getDetail() {
    return detail;
  }

  public String getRevocationReason() {
    return revocationReason;
  }

  public void setRevocationReason(String revocationReason) {
    this.revocationReason = revocationReason;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
