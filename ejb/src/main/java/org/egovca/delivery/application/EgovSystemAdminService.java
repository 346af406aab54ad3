package org.egovca.delivery.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.egovca.ra.application.AdminCredentials;
import org.egovca.ra.application.DualControl;
import org.egovca.ra.application.DualControlRequestView;
import org.egovca.ra.application.OperatorCredentials;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;
import org.egovca.ra.domain.SupervisedAction;

/**
 * The e-gov systems' part of the administrators' SOAP service ({@code CaAdminService}): the caller
 * is the operator whose login certificate and password came with the call, and must hold the
 * permission. The console's front door is {@link EgovSystemAdministration}.
 */
@Stateless
public class EgovSystemAdminService {

  @Inject private OperatorCredentials credentials;
  @Inject private EgovSystemRegistry registry;
  @Inject private DualControl dualControl;

  /**
   * Asks for the registration of an e-gov system (R21–R23); a second security administrator
   * approves it (dual control), which issues its query-service certificate.
   */
  public DualControlRequestView register(
      AdminCredentials adminCredentials, EgovSystemRegistration registration) {
    Operator admin =
        credentials.require(adminCredentials, Permission.MANAGE_EGOV_SYSTEMS, "registerEgovSystem");
    String summary = registry.summary(registration);
    return dualControl.request(
        admin,
        SupervisedAction.REGISTER_EGOV_SYSTEM,
        "egov-system:" + registration.getName(),
        null,
        summary,
        registration);
  }
}
