package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.egovca.ra.application.ApplicationDesk;
import org.egovca.ra.application.CertificateDetail;
import org.egovca.ra.application.ChangeApplicationForm;
import org.egovca.ra.application.DocumentUpload;
import org.egovca.ra.application.RaQueries;
import org.egovca.ra.domain.ApplicationKind;

/**
 * A renewal, re-key or revocation application for an existing certificate (CPS §6.1.4.6-6.1.4.8),
 * entered after the requester's identity was checked against the certificate's registration data; a
 * reviewer decides it like a new application. The page's inputs are bound to a {@link
 * ChangeApplicationForm}, handed with the kind applied for and the scanned documents to {@link
 * ApplicationDesk#requestChange}, which checks it: the fields of the other kinds are ignored.
 */
@Named
@ViewScoped
public class ChangeApplicationPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  static final String FORM = "change";
  static final int SLOTS = 3;

  @EJB private ApplicationDesk desk;
  @EJB private RaQueries queries;

  private ApplicationKind kind = ApplicationKind.RENEW;
  private CertificateDetail certificate;

  private final ChangeApplicationForm form = newForm();

  private final DocumentSlots uploads = new DocumentSlots(SLOTS);

  /** Shows the certificate the application is for, when the page was opened for one. */
  public void open() {
    if (kind == null || kind == ApplicationKind.ISSUE) {
      kind = ApplicationKind.RENEW;
    }
    lookUp();
  }

  /** The certificate of the serial number typed or given, for comparing the registration data. */
  public void lookUp() {
    certificate = null;
    String serialNumber = form.getSerialNumber();
    if (serialNumber != null && !serialNumber.isBlank() && can("VIEW_CERTIFICATES")) {
      certificate =
          fetch(FORM, () -> queries.certificate(token(), serialNumber.strip())).orElse(null);
    }
  }

  public String submit() {
    if (!uploads.readAll(FORM)) {
      return null;
    }
    List<DocumentUpload> documents = uploads.documents();
    ApplicationKind applied = kind;
    Optional<Long> id = fetch(FORM, () -> desk.requestChange(token(), applied, form, documents));
    if (id.isEmpty()) {
      return null;
    }
    Feedback.info("application.submitted");
    Feedback.keepForRedirect();
    return "/application.xhtml?faces-redirect=true&id=" + id.get();
  }

  public void detach(int index) {
    uploads.detach(index);
  }

  public boolean isRevocation() {
    return kind == ApplicationKind.REVOKE;
  }

  public boolean isRekey() {
    return kind == ApplicationKind.REKEY;
  }

  public CertificateDetail getCertificate() {
    return certificate;
  }

  public List<UploadSlot> getSlots() {
    return uploads.slots();
  }

  public List<DocumentUpload> getAttached() {
    return uploads.attached();
  }

  public ApplicationKind getKind() {
    return kind;
  }

  public void setKind(ApplicationKind kind) {
    this.kind = kind;
  }

  /** The form the page's inputs are bound to. */
  public ChangeApplicationForm getForm() {
    return form;
  }

  /** The holder asks, showing a resident ID card, unless the clerk chooses otherwise. */
  private static ChangeApplicationForm newForm() {
    ChangeApplicationForm form = new ChangeApplicationForm();
    form.setInitiator("HOLDER");
    form.setIdDocumentType("RESIDENT_ID_CARD");
    return form;
  }
}
