package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.egovca.ra.application.ApplicationDesk;
import org.egovca.ra.application.ApplicationDetail;
import org.egovca.ra.application.ApplicationReview;
import org.egovca.ra.application.DocumentContent;
import org.egovca.ra.application.DocumentUpload;
import org.egovca.ra.application.RaQueries;
import org.egovca.ra.domain.ApplicationState;
import org.egovca.ra.domain.RejectionReason;

/**
 * An application's page: what was entered, its documents and history, and for a reviewer the
 * decision (CPS §6.1.4.2). The RA service refuses a decision by the clerk who entered the
 * application; the page shows that refusal like any other.
 */
@Named
@ViewScoped
public class ApplicationPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String REVIEW = "review";
  private static final String ADD_DOCUMENT = "addDocument";

  @EJB private RaQueries queries;
  @EJB private ApplicationDesk desk;
  @EJB private ApplicationReview review;

  private Long id;
  private ApplicationDetail detail;
  private String approvalNote;
  private RejectionReason rejectionReason;
  private String rejectionNote;
  private final UploadSlot newDocument = new UploadSlot();

  public void open() {
    if (id == null) {
      Feedback.error("application.notFound");
      return;
    }
    detail = fetch(null, () -> queries.application(token(), id)).orElse(null);
  }

  public String approve() {
    if (!perform(
        REVIEW, Map.of("note", "approvalNote"), () -> review.approve(token(), id, approvalNote))) {
      return null;
    }
    Feedback.info("application.approved");
    return reload();
  }

  public String reject() {
    if (!perform(
        REVIEW,
        Map.of("reason", "rejectionReason", "note", "rejectionNote"),
        () -> review.reject(token(), id, rejectionReason, rejectionNote))) {
      return null;
    }
    Feedback.info("application.rejected");
    return reload();
  }

  public String addDocument() {
    List<DocumentUpload> read = new ArrayList<>();
    if (!Uploads.read(
        newDocument.getFile(), newDocument.getKind(), ADD_DOCUMENT, "file", "kind", read)) {
      return null;
    }
    if (read.isEmpty()) {
      Feedback.fieldError(ADD_DOCUMENT, "file", "document.noFile");
      return null;
    }
    if (!perform(
        ADD_DOCUMENT,
        Map.of("documents", "file"),
        () -> desk.addDocument(token(), id, read.get(0)))) {
      return null;
    }
    newDocument.clear();
    Feedback.info("document.added");
    return reload();
  }

  public void download(long documentId) {
    fetch(null, () -> queries.document(token(), documentId)).ifPresent(this::send);
  }

  private void send(DocumentContent document) {
    if (!document.intact()) {
      Feedback.error("document.notIntact", document.fileName());
      return;
    }
    Downloads.send(document.fileName(), document.contentType(), document.content());
  }

  public void downloadEnvelopedKey() {
    fetch(null, () -> queries.envelopedKey(token(), id))
        .ifPresent(
            envelope ->
                Downloads.send(
                    detail.summary().reference() + "-encryption-key-envelope.der",
                    "application/octet-stream",
                    envelope));
  }

  private String reload() {
    Feedback.keepForRedirect();
    return "/application.xhtml?faces-redirect=true&id=" + id;
  }

  public boolean isDecidable() {
    return detail != null
        && detail.state() == ApplicationState.SUBMITTED
        && can("DECIDE_APPLICATION");
  }

  public boolean isDocumentsAddable() {
    return detail != null
        && detail.state() == ApplicationState.SUBMITTED
        && can("ENTER_APPLICATION");
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

  public UploadSlot getNewDocument() {
    return newDocument;
  }

  public String getApprovalNote() {
    return approvalNote;
  }

  public void setApprovalNote(String approvalNote) {
    this.approvalNote = approvalNote;
  }

  public RejectionReason getRejectionReason() {
    return rejectionReason;
  }

  public void setRejectionReason(RejectionReason rejectionReason) {
    this.rejectionReason = rejectionReason;
  }

  public String getRejectionNote() {
    return rejectionNote;
  }

  public void setRejectionNote(String rejectionNote) {
    this.rejectionNote = rejectionNote;
  }
}
