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

  @EJB private EgovSystemAdministration administration;
  @EJB private OperatorAdministration operators;

  private List<EgovSystemView> systems;
  private List<ApplicationUnitView> units;

  private String name;
  private String applicationUnit;
  private String endpoint;
  private String syncMode = "REALTIME";
  private int batchIntervalMinutes = 60;
  private List<String> businessTypes =
      new ArrayList<>(List.of("ISSUE", "RENEW", "REKEY", "REVOKE", "CRL"));
  private String certificateRequest;
  private boolean allowPlainHttp;
  private String serverTrustAnchors;
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
    EgovSystemRegistration registration =
        new EgovSystemRegistration(
            name,
            applicationUnit,
            new SubscriptionForm(
                endpoint,
                syncMode,
                batchIntervalMinutes,
                businessTypes,
                allowPlainHttp,
                serverTrustAnchors),
            certificateRequest);
    fetch(REGISTER, () -> administration.register(token(), registration))
        .ifPresent(
            request -> {
              requested = request;
              Feedback.info("dualControl.requested", Long.toString(request.id()));
              name = null;
              endpoint = null;
              certificateRequest = null;
              allowPlainHttp = false;
              serverTrustAnchors = null;
              refresh();
            });
  }

  public void setActive(String system, boolean active) {
    if (perform(SYSTEMS, () -> administration.setActive(token(), system, active))) {
      Feedback.info(active ? "egovSystems.activated" : "egovSystems.deactivated", system);
    }
    refresh();
  }

  public List<String> getEventNames() {
    return List.of("ISSUE", "RENEW", "REKEY", "REVOKE", "CRL");
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

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getApplicationUnit() {
    return applicationUnit;
  }

  public void setApplicationUnit(String applicationUnit) {
    this.applicationUnit = applicationUnit;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getSyncMode() {
    return syncMode;
  }

  public void setSyncMode(String syncMode) {
    this.syncMode = syncMode;
  }

  public int getBatchIntervalMinutes() {
    return batchIntervalMinutes;
  }

  public void setBatchIntervalMinutes(int batchIntervalMinutes) {
    this.batchIntervalMinutes = batchIntervalMinutes;
  }

  public List<String> getBusinessTypes() {
    return businessTypes;
  }

  public void setBusinessTypes(List<String> businessTypes) {
    this.businessTypes = businessTypes;
  }

  public boolean isAllowPlainHttp() {
    return allowPlainHttp;
  }

  public void setAllowPlainHttp(boolean allowPlainHttp) {
    this.allowPlainHttp = allowPlainHttp;
  }

  public String getServerTrustAnchors() {
    return serverTrustAnchors;
  }

  public void setServerTrustAnchors(String serverTrustAnchors) {
    this.serverTrustAnchors = serverTrustAnchors;
  }

  public String getCertificateRequest() {
    return certificateRequest;
  }

  public void setCertificateRequest(String certificateRequest) {
    this.certificateRequest = certificateRequest;
  }
}
