package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.egovca.ca.domain.CaRevocationReason;
import org.egovca.custody.application.ConsoleCeremonies;
import org.egovca.custody.application.ConsoleCeremony;
import org.egovca.custody.application.CustodianPresence;

/**
 * A key ceremony at the console (issue 13 item 2, CPS §6.5.2): the security administrator hosting
 * it chooses the kind and what it is held for, the key custodians present each type their own
 * username and the PIN of their share, and {@link ConsoleCeremonies} holds it and decides who may.
 * The page keeps the kind, its parameters and the usernames for the view; the PINs only for the
 * request that submits them ({@link CeremonyPins}), never shown again and cleared after the call.
 */
@Named
@ViewScoped
public class KeyCeremonyPage extends ConsolePage {

  private static final long serialVersionUID = 1L;

  /** The form's id; its fields are named as {@link ConsoleCeremony#parameters()} names them. */
  static final String FORM = "ceremony";

  /** Rows for custodians present: the five custodians of CPS §6.5.2.4. */
  static final int ROWS = 5;

  @EJB private ConsoleCeremonies ceremonies;
  @Inject private CeremonyPins pins;

  private ConsoleCeremony kind = ConsoleCeremony.ACTIVATE;
  private final HashMap<String, String> parameters = new HashMap<>();
  private final String[] usernames = new String[ROWS];
  private Long ceremony;
  private String requestSummary;
  private ConsoleCeremony held;
  private String refusal;

  /** Holds the ceremony with the custodians of the rows filled in; the PINs are cleared after. */
  public void hold() {
    ceremony = null;
    held = kind;
    refusal = null;
    List<CustodianPresence> present = new ArrayList<>();
    Map<String, String> fields = new HashMap<>();
    try {
      for (int row = 0; row < ROWS; row++) {
        String username = usernames[row] == null ? "" : usernames[row].strip();
        char[] pin = pins.take(row);
        if (username.isEmpty() && pin.length == 0) {
          continue;
        }
        // the service names the n-th custodian given; the page's rows may have gaps
        fields.put("custodian" + present.size(), "custodian" + row);
        fields.put("pin" + present.size(), "pin" + row);
        present.add(new CustodianPresence(username, pin));
      }
      Map<String, String> given = given(held);
      try {
        ceremony = ceremonies.hold(token(), held, given, present, browserAddress());
      } catch (RuntimeException failure) {
        Feedback.failure(FORM, failure, fields);
        refusal = Feedback.describe(failure);
      }
    } finally {
      present.forEach(CustodianPresence::clear);
      pins.clear();
    }
  }

  /** The parameters the kind takes, as typed; the others' fields are not on the page. */
  private Map<String, String> given(ConsoleCeremony chosen) {
    Map<String, String> given = new LinkedHashMap<>();
    if (chosen != null) {
      for (String name : chosen.parameters()) {
        String value = parameters.get(name);
        if (value != null) {
          given.put(name, value);
        }
      }
    }
    return given;
  }

  /**
   * Before the form is shown: its PIN inputs forget whatever they were sent, so that no PIN is kept
   * in the view state (which lives in the HTTP session) even when a request failed before it
   * reached {@link #hold()}.
   */
  public void forgetTypedPins(ComponentSystemEvent event) {
    UIComponent form = event.getComponent();
    for (int row = 0; row < ROWS; row++) {
      if (form.findComponent("pin" + row) instanceof EditableValueHolder input) {
        input.resetValue();
      }
    }
  }

  /**
   * Shows what the approved rollover request named asks for, so that the custodians read it before
   * they type their PINs.
   */
  public void describeRequest() {
    requestSummary =
        fetch(FORM, () -> ceremonies.describeRollover(token(), parameters.get("request")))
            .orElse(null);
  }

  /** What the approved request asks for, once shown; else null. */
  public String getRequestSummary() {
    return requestSummary;
  }

  /** Whether the chosen kind takes the parameter {@code name} (its field is shown). */
  public boolean takes(String name) {
    return kind != null && kind.takes(name);
  }

  public List<ConsoleCeremony> getKinds() {
    return List.of(ConsoleCeremony.values());
  }

  public List<CaRevocationReason> getCaRevocationReasons() {
    return List.of(CaRevocationReason.values());
  }

  public ConsoleCeremony getKind() {
    return kind;
  }

  public void setKind(ConsoleCeremony kind) {
    this.kind = kind;
  }

  /** The kind's parameters by name ({@code key}, {@code location}, {@code ca}, …). */
  public Map<String, String> getParameters() {
    return parameters;
  }

  /** The usernames typed in the custodians' rows. */
  public String[] getUsernames() {
    return usernames;
  }

  /** The record id of the ceremony that just succeeded, or null. */
  public Long getCeremony() {
    return ceremony;
  }

  /** The kind of the ceremony just tried, or null. */
  public ConsoleCeremony getHeld() {
    return held;
  }

  /** Why the ceremony just tried was refused, or null. */
  public String getRefusal() {
    return refusal;
  }

  /** Where the host's browser is: the service holds ceremonies only at the CA's own machine. */
  private static String browserAddress() {
    return ((jakarta.servlet.http.HttpServletRequest)
            jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequest())
        .getRemoteAddr();
  }
}
