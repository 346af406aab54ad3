package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.egovca.ra.application.ApplicationDesk;
import org.egovca.ra.application.CertificateDetail;
import org.egovca.ra.application.ChangeRequestForm;
import org.egovca.ra.application.DocumentUpload;
import org.egovca.ra.application.RaQueries;
import org.egovca.ra.domain.ApplicationKind;

/**
 * A renewal, re-key or revocation request for an existing certificate (CPS §6.1.4.6-6.1.4.8),
 * entered after the requester's identity was checked against the certificate's registration data; a
 * reviewer decides it like a new application.
 */
@Named
@ViewScoped
public class ChangeRequestPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  static final String FORM = "change";
  static final int SLOTS = 3;

  @EJB private ApplicationDesk desk;
  @EJB private RaQueries queries;

  private String serial;
  private ApplicationKind kind = ApplicationKind.RENEW;
  private CertificateDetail certificate;
  private String pkcs10;
  private String renewalProof;
  private String renewalProofSignature;
  private String revocationReason;
  private String initiator = "HOLDER";
  private String requesterName;
  private String idDocumentType = "RESIDENT_ID_CARD";
  private String idDocumentNumber;
  private String email;
  private String phone;

  private final DocumentSlots uploads = new DocumentSlots(SLOTS);

  /** Shows the certificate the request is for, when the page was opened for one. */
  public void open() {
    if (kind == null || kind == ApplicationKind.ISSUE) {
      kind = ApplicationKind.RENEW;
    }
    lookUp();
  }

  /** The certificate of the serial typed or given, for comparing the registration data. */
  public void lookUp() {
    certificate = null;
    if (serial != null && !serial.isBlank() && can("VIEW_CERTIFICATES")) {
      certificate = fetch(FORM, () -> queries.certificate(token(), serial.strip())).orElse(null);
    }
  }

  public String submit() {
    if (!uploads.readAll(FORM)) {
      return null;
    }
    ChangeRequestForm form =
        new ChangeRequestForm(
            serial,
            kind == ApplicationKind.REVOKE ? null : pkcs10,
            kind == ApplicationKind.REVOKE ? null : renewalProof,
            kind == ApplicationKind.REVOKE ? null : renewalProofSignature,
            kind == ApplicationKind.REVOKE ? revocationReason : null,
            kind == ApplicationKind.REVOKE ? initiator : null,
            requesterName,
            idDocumentType,
            idDocumentNumber,
            email,
            phone);
    List<DocumentUpload> documents = uploads.documents();
    ApplicationKind requested = kind;
    Optional<Long> id = fetch(FORM, () -> desk.requestChange(token(), requested, form, documents));
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

  public String getSerial() {
    return serial;
  }

  public void setSerial(String serial) {
    this.serial = serial;
  }

  public ApplicationKind getKind() {
    return kind;
  }

  public void setKind(ApplicationKind kind) {
    this.kind = kind;
  }

  public String getPkcs10() {
    return pkcs10;
  }

  public void setPkcs10(String pkcs10) {
    this.pkcs10 = pkcs10;
  }

  public String getRenewalProof() {
    return renewalProof;
  }

  public void setRenewalProof(String renewalProof) {
    this.renewalProof = renewalProof;
  }

  public String getRenewalProofSignature() {
    return renewalProofSignature;
  }

  public void setRenewalProofSignature(String renewalProofSignature) {
    this.renewalProofSignature = renewalProofSignature;
  }

  public String getRevocationReason() {
    return revocationReason;
  }

  public void setRevocationReason(String revocationReason) {
    this.revocationReason = revocationReason;
  }

  public String getInitiator() {
    return initiator;
  }

  public void setInitiator(String initiator) {
    this.initiator = initiator;
  }

  public String getRequesterName() {
    return requesterName;
  }

  public void setRequesterName(String requesterName) {
    this.requesterName = requesterName;
  }

  public String getIdDocumentType() {
    return idDocumentType;
  }

  public void setIdDocumentType(String idDocumentType) {
    this.idDocumentType = idDocumentType;
  }

  public String getIdDocumentNumber() {
    return idDocumentNumber;
  }

  public void setIdDocumentNumber(String idDocumentNumber) {
    this.idDocumentNumber = idDocumentNumber;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }
}
