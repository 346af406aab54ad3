package org.egovca.delivery.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.egovca.ca.application.CaRequestException;
import org.egovca.ra.application.ConsoleAccess;
import org.egovca.ra.application.RaRefusal;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;

/**
 * The console's front door to the e-gov systems: the security administrator registers them and
 * manages their subscriptions (R21–R23). Authorisation comes first, in this EJB; a bad value is
 * refused naming its field.
 */
@Stateless
public class EgovSystemAdministration {

  @Inject private ConsoleAccess access;
  @Inject private EgovSystemRegistry registry;

  public List<EgovSystemView> systems(String token) {
    access.require(token, Permission.MANAGE_EGOV_SYSTEMS, "listEgovSystems", null);
    return registry.all();
  }

  public EgovSystemRegistry.Registered register(
      String token,
      String name,
      String unitCode,
      SubscriptionForm subscription,
      String certificateRequestPem) {
    Operator admin =
        access.require(token, Permission.MANAGE_EGOV_SYSTEMS, "registerEgovSystem", name);
    try {
      return registry.register(
          name,
          unitCode,
          subscription.toSubscription(),
          certificateRequestPem,
          ConsoleAccess.actor(admin));
    } catch (IllegalArgumentException | CaRequestException refused) {
      throw RaRefusal.invalid("egovSystem", "egovSystem.invalid", refused.getMessage());
    }
  }

  public EgovSystemView setActive(String token, String name, boolean active) {
    Operator admin =
        access.require(
            token,
            Permission.MANAGE_EGOV_SYSTEMS,
            active ? "activateEgovSystem" : "deactivateEgovSystem",
            name);
    try {
      return registry.setActive(name, active, ConsoleAccess.actor(admin));
    } catch (CaRequestException refused) {
      throw RaRefusal.invalid("egovSystem", "egovSystem.invalid", refused.getMessage());
    }
  }
}
