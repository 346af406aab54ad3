package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.egovca.ca.application.CaKeyRollovers;
import org.egovca.ca.application.RemoteRaRegistry;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;
import org.egovca.ra.domain.SupervisedAction;

/**
 * The admin SOAP service in the EJB layer: authenticate the operator by their login certificate,
 * check the permission, check the request, and record it for a second administrator's approval.
 */
@Stateless
public class CaAdministrationBean implements CaAdministration {

  @Inject private OperatorCredentials operators;
  @Inject private DualControl dualControl;
  @Inject private CaKeyRollovers rollovers;
  @Inject private ApplicationUnitRegistry applicationUnits;
  @Inject private RemoteRaRegistry remoteRas;

  @Override
  public DualControlRequestView rollOverCaKey(AdminCredentials credentials, String caName) {
    Operator admin = operators.require(credentials, Permission.MANAGE_CA_KEYS, "rollOverCaKey");
    String name = rollovers.existing(caName).getName();
    return dualControl.request(
        admin,
        SupervisedAction.ROLL_OVER_CA_KEY,
        "ca:" + name,
        null,
        "roll the key of CA "
            + name
            + " over: a new key in the crypto token, NewWithNew,"
            + " NewWithOld and OldWithNew certificates; once approved, three key custodians"
            + " carry it out in a ceremony",
        new SupervisedActions.CaKeyRolloverRequest(name));
  }

  @Override
  public void createApplicationUnit(AdminCredentials credentials, String code, String name) {
    Operator admin =
        operators.require(credentials, Permission.MANAGE_OPERATORS, "createApplicationUnit");
    applicationUnits.create(code, name, ConsoleAccess.actor(admin));
  }

  @Override
  public DualControlRequestView registerRemoteRa(
      AdminCredentials credentials, RemoteRaRegistry.Registration registration) {
    Operator admin =
        operators.require(credentials, Permission.MANAGE_REMOTE_RAS, "registerRemoteRa");
    RemoteRaRegistry.Registration checked = remoteRas.checked(registration);
    return dualControl.request(
        admin,
        SupervisedAction.REGISTER_REMOTE_RA,
        RemoteRaRegistry.qualifiedName(checked.name()),
        null,
        remoteRas.summary(checked),
        checked);
  }

  @Override
  public DualControlRequestView changeRemoteRaUnits(
      AdminCredentials credentials, RemoteRaRegistry.Units units) {
    Operator admin =
        operators.require(credentials, Permission.MANAGE_REMOTE_RAS, "changeRemoteRaUnits");
    RemoteRaRegistry.Units checked = remoteRas.checked(units);
    return dualControl.request(
        admin,
        SupervisedAction.CHANGE_REMOTE_RA_UNITS,
        RemoteRaRegistry.qualifiedName(checked.name()),
        null,
        "remote RA " + checked.name() + " may issue for the units " + checked.applicationUnits(),
        checked);
  }

  @Override
  public List<DualControlRequestView> waitingRequests(AdminCredentials credentials) {
    Operator admin = operators.require(credentials, Permission.APPROVE_REQUESTS, "waitingRequests");
    return dualControl.waiting(admin);
  }

  @Override
  public DualControlRequestView request(AdminCredentials credentials, long id) {
    Operator admin = operators.require(credentials, Permission.APPROVE_REQUESTS, "request");
    return dualControl.find(admin, id);
  }

  @Override
  public Approval approveRequest(AdminCredentials credentials, long id, String note) {
    Operator admin = operators.require(credentials, Permission.APPROVE_REQUESTS, "approveRequest");
    return dualControl.approve(admin, id, note);
  }

  @Override
  public DualControlRequestView rejectRequest(AdminCredentials credentials, long id, String note) {
    Operator admin = operators.require(credentials, Permission.APPROVE_REQUESTS, "rejectRequest");
    return dualControl.reject(admin, id, note);
  }

  @Override
  public DualControlRequestView withdrawRequest(AdminCredentials credentials, long id) {
    Operator admin = operators.require(credentials, Permission.APPROVE_REQUESTS, "withdrawRequest");
    return dualControl.withdraw(admin, id);
  }

  @Override
  public void changePassword(AdminCredentials credentials, char[] newPassword) {
    operators.changePassword(credentials, newPassword);
  }
}
