package org.egovca.delivery.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.domain.Refusal;
import org.egovca.ra.application.ConsoleAccess;
import org.egovca.ra.application.DualControl;
import org.egovca.ra.application.DualControlRequestView;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;
import org.egovca.ra.domain.SupervisedAction;

/**
 * The console's front door to the e-gov systems: the security administrator asks for their
 * registration (carried out when a second one approves it) and pauses or resumes them (R21–R23).
 * Authorisation comes first, in this EJB; a bad value is refused naming its field.
 */
@Stateless
public class EgovSystemAdministration {

  @Inject private ConsoleAccess access;
  @Inject private EgovSystemRegistry registry;
  @Inject private DualControl dualControl;

  public List<EgovSystemView> systems(String token) {
    access.require(token, Permission.MANAGE_EGOV_SYSTEMS, AuditAction.EGOV_SYSTEMS_LISTED, null);
    return registry.all();
  }

  /**
   * Asks for the registration of an e-gov system; a second security administrator approves it (dual
   * control), which issues its query-service certificate.
   */
  public DualControlRequestView register(String token, EgovSystemRegistration registration) {
    Operator admin =
        access.require(
            token,
            Permission.MANAGE_EGOV_SYSTEMS,
            AuditAction.EGOV_SYSTEM_REGISTERED,
            registration == null ? null : registration.getName());
    String summary;
    try {
      summary = registry.summary(registration);
    } catch (Refusal refused) {
      throw refused.onField("egovSystem", "egovSystem.invalid");
    }
    return dualControl.request(
        admin,
        SupervisedAction.REGISTER_EGOV_SYSTEM,
        "egov-system:" + registration.getName(),
        null,
        summary,
        registration);
  }

  public EgovSystemView setActive(String token, String name, boolean active) {
    Operator admin =
        access.require(
            token,
            Permission.MANAGE_EGOV_SYSTEMS,
            active ? AuditAction.EGOV_SYSTEM_ACTIVATED : AuditAction.EGOV_SYSTEM_DEACTIVATED,
            name);
    try {
      return registry.setActive(name, active, ConsoleAccess.actor(admin));
    } catch (Refusal refused) {
      throw refused.onField("egovSystem", "egovSystem.invalid");
    }
  }
}
