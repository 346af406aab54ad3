package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.egovca.ra.application.ApplicationDetail;
import org.egovca.ra.application.CertificateDetail;
import org.egovca.ra.application.RaQueries;
import org.egovca.ra.domain.ApplicationState;

/**
 * The printable receipt for the applicant (R6): what was applied for and where it stands; for an
 * approved application the certificates with their validity and how to collect them, for a rejected
 * one the reason.
 */
@Named
@ViewScoped
public class ReceiptPage extends ConsolePage {

  private static final long serialVersionUID = 1L;

  @EJB private RaQueries queries;

  private Long id;
  private ApplicationDetail detail;
  private final List<CertificateDetail> certificates = new ArrayList<>();

  public void open() {
    if (id == null) {
      Feedback.error("application.notFound");
      return;
    }
    detail = fetch(null, () -> queries.application(token(), id)).orElse(null);
    if (detail != null && detail.state() == ApplicationState.APPROVED) {
      for (String serial :
          new String[] {detail.certificateSerial(), detail.encryptionCertificateSerial()}) {
        if (serial != null && can("VIEW_CERTIFICATES")) {
          fetch(null, () -> queries.certificate(token(), serial)).ifPresent(certificates::add);
        }
      }
    }
  }

  public boolean isApproved() {
    return detail != null && detail.state() == ApplicationState.APPROVED;
  }

  public boolean isRejected() {
    return detail != null && detail.state() == ApplicationState.REJECTED;
  }

  public java.time.Instant getNow() {
    return java.time.Instant.now();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public ApplicationDetail getDetail() {
    return detail;
  }

  public List<CertificateDetail> getCertificates() {
    return certificates;
  }
}
