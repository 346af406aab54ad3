package org.egovca.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.egovca.delivery.application.EgovSystemAdministration;
import org.egovca.delivery.application.EgovSystemRegistration;
import org.egovca.delivery.application.EgovSystemView;
import org.egovca.delivery.application.SubscriptionForm;
import org.egovca.ra.application.ApplicationUnitView;
import org.egovca.ra.application.DualControlRequestView;
import org.egovca.ra.application.OperatorAdministration;

/**
 * The security administrator's page of e-gov systems (R21–R23, CPS §7.3): each system's unit, sync
 * endpoint (https with the server trust anchors the CA checks its server against, or plain HTTP
 * where an administrator allowed it for a test system, marked as such), real-time or batch delivery
 * and business types; asking for a system's registration, which a second security administrator
 * approves (and which gives it a client certificate for the query service, shown to the approver);
 * switching a system off and on.
 */
@Named
@ViewScoped
public class EgovSystemsPage extends ConsolePage {

  private static final long serialVersionUID = 1L;
  private static final String REGISTER = "register";
  private static final String SYSTEMS = "systems";
  private static final List<String> EVENT_NAMES =
      List.of("ISSUE", "RENEW", "REKEY", "REVOKE", "CRL");

  @EJB private EgovSystemAdministration administration;
  @EJB private OperatorAdministration operators;

  private List<EgovSystemView> systems;
  private List<ApplicationUnitView> units;

  /** The registration's form, the inputs of its panel bound to it and its subscription. */
  private EgovSystemRegistration registration = newRegistration();

  private DualControlRequestView requested;

  public void open() {
    if (systems == null) {
      refresh();
    }
  }

  private void refresh() {
    systems = fetch(SYSTEMS, () -> administration.systems(token())).orElse(List.of());
    units = fetch(SYSTEMS, () -> operators.units(token())).orElse(List.of());
  }

  /** Asks for the registration; a second security administrator approves it. */
  public void register() {
    fetch(REGISTER, () -> administration.register(token(), registration))
        .ifPresent(
            request -> {
              requested = request;
              Feedback.info("dualControl.requested", Long.toString(request.id()));
              registration = nextRegistration(registration);
              refresh();
            });
  }

  /**
   * A new registration: real-time delivery of every business type (an hourly batch when the
   * administrator chooses batches).
   */
  private static EgovSystemRegistration newRegistration() {
    EgovSystemRegistration registration = new EgovSystemRegistration();
    SubscriptionForm subscription = registration.getSubscription();
    subscription.setSyncMode("REALTIME");
    subscription.setBatchIntervalMinutes(60);
    subscription.setBusinessTypes(new ArrayList<>(EVENT_NAMES));
    return registration;
  }

  /** The next registration keeps the unit and the subscription's choices of the last one. */
  private static EgovSystemRegistration nextRegistration(EgovSystemRegistration last) {
    EgovSystemRegistration next = newRegistration();
    next.setUnitCode(last.getUnitCode());
    SubscriptionForm subscription = next.getSubscription();
    subscription.setSyncMode(last.getSubscription().getSyncMode());
    subscription.setBatchIntervalMinutes(last.getSubscription().getBatchIntervalMinutes());
    subscription.setBusinessTypes(last.getSubscription().getBusinessTypes());
    return next;
  }

  public void setActive(String system, boolean active) {
    if (perform(SYSTEMS, () -> administration.setActive(token(), system, active))) {
      Feedback.info(active ? "egovSystems.activated" : "egovSystems.deactivated", system);
    }
    refresh();
  }

  public List<String> getEventNames() {
    return EVENT_NAMES;
  }

  public List<EgovSystemView> getSystems() {
    return systems == null ? List.of() : systems;
  }

  public List<ApplicationUnitView> getUnits() {
    return units == null ? List.of() : units;
  }

  public DualControlRequestView getRequested() {
    return requested;
  }

  /** The form the registration panel's inputs are bound to. */
  public EgovSystemRegistration getRegistration() {
    return registration;
  }
}
