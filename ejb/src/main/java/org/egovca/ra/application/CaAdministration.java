package org.egovca.ra.application;

import jakarta.ejb.Local;
import java.util.List;
import org.egovca.ca.application.RemoteRaRegistry;
import org.egovca.ca.domain.Refusal;

/**
 * The security administrators' SOAP service (CPS §7.5.1.2), for the CA keys, application units,
 * remote RA systems and the requests under dual control; e-gov systems are registered through
 * {@code org.egovca.delivery.application.EgovSystemAdminService}. The caller is the operator whose
 * login certificate was presented over TLS and whose user name and password came with it, and must
 * hold the permission of the operation; the check is made here, not by the interface. Whatever
 * could take over an account or touch a CA key is only asked for here and carried out when a second
 * security administrator approves it (dual control). Every method throws {@link Refusal}:
 * NOT_AUTHORIZED for any caller without the permission (audited), SEPARATION_OF_DUTIES for one
 * acting on their own request, another code naming what is wrong; the SOAP service folds the codes
 * it does not name into NOT_AUTHORIZED and MALFORMED_REQUEST.
 */
@Local
public interface CaAdministration {

  /** Asks for a rollover of the key of CA {@code caName} (R12). */
  DualControlRequestView rollOverCaKey(AdminCredentials credentials, String caName);

  /** Creates an application unit (CPS §7.3.2); it grants nobody anything, so one admin does it. */
  void createApplicationUnit(AdminCredentials credentials, String code, String name);

  /** Asks for the registration of a remote RA system and its application units. */
  DualControlRequestView registerRemoteRa(
      AdminCredentials credentials, RemoteRaRegistry.Registration registration);

  /** Asks for other application units of a remote RA system. */
  DualControlRequestView changeRemoteRaUnits(
      AdminCredentials credentials, RemoteRaRegistry.Units units);

  /** The requests waiting for a decision that the caller may decide or asked for. */
  List<DualControlRequestView> waitingRequests(AdminCredentials credentials);

  /** Request {@code id}, with its public result once approved. */
  DualControlRequestView request(AdminCredentials credentials, long id);

  /** Approves request {@code id} of another administrator and carries it out. */
  Approval approveRequest(AdminCredentials credentials, long id, String note);

  DualControlRequestView rejectRequest(AdminCredentials credentials, long id, String note);

  /** Takes back one's own request. */
  DualControlRequestView withdrawRequest(AdminCredentials credentials, long id);

  /** Replaces the caller's password (a one-time password first of all). */
  void changePassword(AdminCredentials credentials, char[] newPassword);
}
