package org.egovca.ws.admin;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.util.List;
import java.util.function.Supplier;
import org.egovca.ca.application.RemoteRaRegistry;
import org.egovca.delivery.application.EgovSystemAdminService;
import org.egovca.delivery.application.EgovSystemRegistration;
import org.egovca.delivery.application.SubscriptionForm;
import org.egovca.ra.application.CaAdministration;
import org.egovca.ws.SoapCalls;

/**
 * {@code CaAdminService}: CA key management, application units, e-gov systems and remote RA systems
 * for the security administrators (CPS §6.5.1.6, §7.3.2, §7.5.1.2), over HTTPS with both factors of
 * the administrator's own login: their login certificate, and their user name and password by HTTP
 * basic authentication; the EJB layer checks them and the permission. What could take an account
 * over or touch a CA key is only asked for here and carried out when a second administrator
 * approves the request ({@code approveRequest}): dual control.
 */
@WebService(
    name = "CaAdminService",
    serviceName = "CaAdminService",
    portName = "CaAdminServicePort",
    targetNamespace = CaAdminServiceEndpoint.NAMESPACE)
public class CaAdminServiceEndpoint {

  public static final String NAMESPACE = "http://egovca.org/ws/admin/v1";

  @Resource private WebServiceContext context;

  @EJB private CaAdministration administration;
  @EJB private EgovSystemAdminService egovSystems;

  /**
   * Asks for a rollover of the key of CA {@code caName}: a new key in the token, the NewWithNew,
   * NewWithOld and OldWithNew certificates; new certificates are then issued with the new key, the
   * old one keeps signing CRLs and OCSP answers for the certificates it issued.
   *
   * @return the request; its approval's result holds the three certificates (PEM, in this order)
   */
  @WebMethod
  @WebResult(name = "request")
  public DualControlRequestElement rollOverCaKey(@WebParam(name = "caName") String caName)
      throws CaAdminServiceFault {
    return answer(
        "rollOverCaKey",
        () ->
            DualControlRequestElement.of(
                administration.rollOverCaKey(SoapCalls.adminCredentials(context), caName)));
  }

  /** Creates an application unit (CPS §7.3.2) with its code and name. */
  @WebMethod
  public void createApplicationUnit(
      @WebParam(name = "code") String code, @WebParam(name = "name") String name)
      throws CaAdminServiceFault {
    answer(
        "createApplicationUnit",
        () -> {
          administration.createApplicationUnit(SoapCalls.adminCredentials(context), code, name);
          return null;
        });
  }

  /**
   * Asks for the registration of an e-gov system of an application unit: its sync endpoint,
   * REALTIME or BATCH delivery (with the interval in minutes), the business types it receives
   * (ISSUE, RENEW, REKEY, REVOKE, CRL), and its PKCS#10 for the query-service client certificate.
   * An https endpoint needs {@code serverTrustAnchors} (PEM: the CA that issued the system's server
   * certificate, or that certificate); an http endpoint needs {@code allowPlainHttp} (test systems
   * only).
   *
   * @return the request; its approval's result is the client certificate and the TLS CA's, PEM
   */
  @WebMethod
  @WebResult(name = "request")
  public DualControlRequestElement registerEgovSystem(
      @WebParam(name = "name") String name,
      @WebParam(name = "applicationUnit") String applicationUnit,
      @WebParam(name = "endpoint") String endpoint,
      @WebParam(name = "mode") String mode,
      @WebParam(name = "batchIntervalMinutes") Integer batchIntervalMinutes,
      @WebParam(name = "event") List<String> events,
      @WebParam(name = "pkcs10") String pkcs10,
      @WebParam(name = "allowPlainHttp") Boolean allowPlainHttp,
      @WebParam(name = "serverTrustAnchors") String serverTrustAnchors)
      throws CaAdminServiceFault {
    return answer(
        "registerEgovSystem",
        () ->
            DualControlRequestElement.of(
                egovSystems.register(
                    SoapCalls.adminCredentials(context),
                    new EgovSystemRegistration(
                        name,
                        applicationUnit,
                        new SubscriptionForm(
                            endpoint,
                            mode,
                            batchIntervalMinutes == null ? 0 : batchIntervalMinutes,
                            events,
                            Boolean.TRUE.equals(allowPlainHttp),
                            serverTrustAnchors),
                        pkcs10))));
  }

  /**
   * Asks for the registration of a remote RA system (CPS §7.3.2) that may issue certificates for
   * the given application units, with its PKCS#10 for its TLS client certificate.
   *
   * @return the request; its approval's result is the client certificate and the TLS CA's, PEM
   */
  @WebMethod
  @WebResult(name = "request")
  public DualControlRequestElement registerRemoteRa(
      @WebParam(name = "name") String name,
      @WebParam(name = "applicationUnit") List<String> applicationUnits,
      @WebParam(name = "pkcs10") String pkcs10)
      throws CaAdminServiceFault {
    return answer(
        "registerRemoteRa",
        () ->
            DualControlRequestElement.of(
                administration.registerRemoteRa(
                    SoapCalls.adminCredentials(context),
                    new RemoteRaRegistry.Registration(name, applicationUnits, pkcs10))));
  }

  /** Asks that the remote RA {@code name} may issue for exactly the given application units. */
  @WebMethod
  @WebResult(name = "request")
  public DualControlRequestElement changeRemoteRaUnits(
      @WebParam(name = "name") String name,
      @WebParam(name = "applicationUnit") List<String> applicationUnits)
      throws CaAdminServiceFault {
    return answer(
        "changeRemoteRaUnits",
        () ->
            DualControlRequestElement.of(
                administration.changeRemoteRaUnits(
                    SoapCalls.adminCredentials(context),
                    new RemoteRaRegistry.Units(name, applicationUnits))));
  }

  /** The requests waiting for a decision that the caller may decide or asked for. */
  @WebMethod
  @WebResult(name = "request")
  public List<DualControlRequestElement> waitingRequests() throws CaAdminServiceFault {
    return answer(
        "waitingRequests",
        () ->
            administration.waitingRequests(SoapCalls.adminCredentials(context)).stream()
                .map(DualControlRequestElement::of)
                .toList());
  }

  /** Request {@code id}: where it stands and, once approved, its result. */
  @WebMethod
  @WebResult(name = "request")
  public DualControlRequestElement getRequest(@WebParam(name = "id") long id)
      throws CaAdminServiceFault {
    return answer(
        "getRequest",
        () ->
            DualControlRequestElement.of(
                administration.request(SoapCalls.adminCredentials(context), id)));
  }

  /**
   * Approves another administrator's request and carries it out now.
   *
   * @return the request with its result, and a one-time password (for the approver only) if the
   *     action made one
   */
  @WebMethod
  @WebResult(name = "request")
  public DualControlRequestElement approveRequest(
      @WebParam(name = "id") long id, @WebParam(name = "note") String note)
      throws CaAdminServiceFault {
    return answer(
        "approveRequest",
        () ->
            DualControlRequestElement.of(
                administration.approveRequest(SoapCalls.adminCredentials(context), id, note)));
  }

  @WebMethod
  @WebResult(name = "request")
  public DualControlRequestElement rejectRequest(
      @WebParam(name = "id") long id, @WebParam(name = "note") String note)
      throws CaAdminServiceFault {
    return answer(
        "rejectRequest",
        () ->
            DualControlRequestElement.of(
                administration.rejectRequest(SoapCalls.adminCredentials(context), id, note)));
  }

  /**
   * Replaces the caller's password: the one-time password a new administrator was given, first of
   * all, since nothing else is accepted with it. The current password comes, as on every call, with
   * HTTP basic authentication.
   *
   * @param newPassword the new password, by the rules of CPS §6.5.2.4 (each broken rule named)
   */
  @WebMethod
  public void changePassword(@WebParam(name = "newPassword") String newPassword)
      throws CaAdminServiceFault {
    answer(
        "changePassword",
        () -> {
          administration.changePassword(
              SoapCalls.adminCredentials(context),
              newPassword == null ? null : newPassword.toCharArray());
          return null;
        });
  }

  /** Takes back one's own request. */
  @WebMethod
  @WebResult(name = "request")
  public DualControlRequestElement withdrawRequest(@WebParam(name = "id") long id)
      throws CaAdminServiceFault {
    return answer(
        "withdrawRequest",
        () ->
            DualControlRequestElement.of(
                administration.withdrawRequest(SoapCalls.adminCredentials(context), id)));
  }

  private static <T> T answer(String operation, Supplier<T> action) throws CaAdminServiceFault {
    return SoapCalls.answer(operation, action, CaAdminServiceFault::new);
  }
}
