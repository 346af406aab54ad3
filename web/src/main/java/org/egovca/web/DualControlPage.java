package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.egovca.ra.application.Approval;
import org.egovca.ra.application.Approvals;
import org.egovca.ra.application.DualControlRequestView;
import org.egovca.ra.application.OperatorView;

/**
 * Dual control in the console (CPS §7.5.1.2 item 2): the dual-control requests other security
 * administrators made, each approved — and so carried out — or rejected by a second one; one's own
 * request can only be withdrawn. What an approval produced is shown once: the certificates, and a
 * one-time password the approver hands to the operator in person.
 */
@Named
@ViewScoped
public class DualControlPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String DECISION = "decision";

  @EJB private Approvals approvals;

  private Long id;
  private List<DualControlRequestView> waiting;
  private DualControlRequestView selected;
  private String note;
  private Approval approval;

  public void open() {
    if (waiting == null) {
      refresh();
    }
  }

  private void refresh() {
    waiting = fetch(null, () -> approvals.waiting(token())).orElse(List.of());
    selected = id == null ? null : fetch(null, () -> approvals.request(token(), id)).orElse(null);
  }

  public void approve() {
    fetch(DECISION, () -> approvals.approve(token(), id, note))
        .ifPresent(
            done -> {
              approval = done;
              note = null;
              Feedback.info("dualControl.approved", Long.toString(done.request().id()));
              refresh();
            });
  }

  public void reject() {
    fetch(DECISION, () -> approvals.reject(token(), id, note))
        .ifPresent(
            done -> {
              note = null;
              Feedback.info("dualControl.rejected", Long.toString(done.id()));
              refresh();
            });
  }

  public void withdraw() {
    fetch(DECISION, () -> approvals.withdraw(token(), id))
        .ifPresent(
            done -> {
              Feedback.info("dualControl.withdrawn", Long.toString(done.id()));
              refresh();
            });
  }

  public void downloadResult() {
    if (approval != null && approval.request().result() != null) {
      Downloads.sendText(
          "request-" + approval.request().id() + ".pem",
          "application/x-pem-file",
          approval.request().result());
    }
  }

  /** The approver has handed the secret over: it is not shown again. */
  public void dismissApproval() {
    approval = null;
  }

  /** Whether the current operator asked for the selected request (and so may only withdraw it). */
  public boolean isOwnRequest() {
    OperatorView me = operator.getView();
    return selected != null && me != null && selected.requestedBy().equals(me.username());
  }

  public List<DualControlRequestView> getWaiting() {
    return waiting == null ? List.of() : waiting;
  }

  public DualControlRequestView getSelected() {
    return selected;
  }

  public Approval getApproval() {
    return approval;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
