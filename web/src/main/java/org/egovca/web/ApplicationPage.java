package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.egovca.ra.application.ApplicationDesk;
import org.egovca.ra.application.ApplicationDetail;
import org.egovca.ra.application.ApplicationReview;
import org.egovca.ra.application.DocumentContent;
import org.egovca.ra.application.DocumentUpload;
import org.egovca.ra.application.KeyHandover;
import org.egovca.ra.application.RaQueries;
import org.egovca.ra.domain.ApplicationState;
import org.egovca.ra.domain.KeyRecipient;
import org.egovca.ra.domain.RejectionReason;

/**
 * An application's page: what was entered, its documents and history, for a reviewer the decision
 * (CPS §6.1.4.2), and for an entry clerk the handover of a key pair the CA generated on request
 * (§6.1.4.10.1). The RA service refuses a decision by the clerk who entered the application; the
 * page shows that refusal like any other.
 */
@Named
@ViewScoped
public class ApplicationPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String REVIEW = "review";
  private static final String ADD_DOCUMENT = "addDocument";
  private static final String HANDOVER = "handover";

  @EJB private RaQueries queries;
  @EJB private ApplicationDesk desk;
  @EJB private ApplicationReview review;
  @EJB private KeyHandover keyHandover;

  private Long id;
  private ApplicationDetail detail;
  private String approvalNote;
  private RejectionReason rejectionReason;
  private String rejectionNote;
  private final UploadSlot newDocument = new UploadSlot();
  private KeyRecipient recipient = KeyRecipient.APPLICANT;
  private String handoverPassword;
  private String repeatPassword;

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

  /**
   * Hands the key the CA generated over to the holder at the counter (CPS §6.1.4.10.1): the answer
   * is the PKCS#12 itself, downloaded once; the CA destroyed the key in making it.
   */
  public void handOver() {
    boolean repeated = Objects.equals(handoverPassword, repeatPassword);
    char[] password = handoverPassword == null ? new char[0] : handoverPassword.toCharArray();
    handoverPassword = null;
    repeatPassword = null;
    if (!repeated) {
      Arrays.fill(password, '\0');
      Feedback.fieldError(HANDOVER, "repeatPassword", "generatedKey.repeatMismatch");
      return;
    }
    fetch(HANDOVER, () -> keyHandover.handOver(token(), id, recipient, password))
        .ifPresent(key -> Downloads.send(key.fileName(), "application/x-pkcs12", key.pkcs12()));
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

  /** Whether an entry clerk can hand over the key the CA generated: it waits for its holder. */
  public boolean isKeyHandoverPossible() {
    return detail != null && detail.keyGeneration().waiting() && can("HAND_OVER_GENERATED_KEY");
  }

  /** Who may receive the key: the applicant, or the agent where the application names one. */
  public List<KeyRecipient> getRecipients() {
    return detail != null && detail.applicant().hasAgent()
        ? List.of(KeyRecipient.APPLICANT, KeyRecipient.AGENT)
        : List.of(KeyRecipient.APPLICANT);
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

  public KeyRecipient getRecipient() {
    return recipient;
  }

  public void setRecipient(KeyRecipient recipient) {
    this.recipient = recipient;
  }

  /** Never shown again: the field stays empty. */
  public String getHandoverPassword() {
    return null;
  }

  public void setHandoverPassword(String handoverPassword) {
    this.handoverPassword = handoverPassword;
  }

  public String getRepeatPassword() {
    return null;
  }

  public void setRepeatPassword(String repeatPassword) {
    this.repeatPassword = repeatPassword;
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
