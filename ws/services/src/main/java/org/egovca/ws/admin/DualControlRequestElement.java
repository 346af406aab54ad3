package org.egovca.ws.admin;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import org.egovca.ra.application.Approval;
import org.egovca.ra.application.DualControlRequestView;

/**
 * A dual-control request as {@code CaAdminService} answers it (the WSDL's type {@code
 * DualControlRequest}): what was asked, by whom, where it stands and, once approved, its result
 * (certificates in PEM). {@code secret} (a one-time password) is present only in the answer to the
 * approval that produced it, and never again. A class of its own beside {@link
 * DualControlRequestView} because JAXB binds neither records nor {@code Instant}s.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    name = "DualControlRequest",
    propOrder = {
      "id",
      "action",
      "target",
      "summary",
      "requestedBy",
      "requestedAt",
      "expiresAt",
      "state",
      "decidedBy",
      "decidedAt",
      "decisionNote",
      "result",
      "secret"
    })
public class DualControlRequestElement {

  private long id;
  private String action;
  private String target;
  private String summary;
  private String requestedBy;
  private String requestedAt;
  private String expiresAt;
  private String state;
  private String decidedBy;
  private String decidedAt;
  private String decisionNote;
  private String result;
  private String secret;

  public DualControlRequestElement() {}

  static DualControlRequestElement of(DualControlRequestView view) {
    DualControlRequestElement request = new DualControlRequestElement();
    request.id = view.id();
    request.action = view.action();
    request.target = view.target();
    request.summary = view.summary();
    request.requestedBy = view.requestedBy();
    request.requestedAt = String.valueOf(view.requestedAt());
    request.expiresAt = String.valueOf(view.expiresAt());
    request.state = view.state();
    request.decidedBy = view.decidedBy();
    request.decidedAt = view.decidedAt() == null ? null : view.decidedAt().toString();
    request.decisionNote = view.decisionNote();
    request.result = view.result();
    return request;
  }

  static DualControlRequestElement of(Approval approval) {
    DualControlRequestElement request = of(approval.request());
    request.secret = approval.secret();
    return request;
  }
}
