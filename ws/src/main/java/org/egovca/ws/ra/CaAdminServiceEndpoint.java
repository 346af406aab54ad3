package org.egovca.ws.ra;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.util.List;
import org.egovca.ca.application.CaAdministration;
import org.egovca.delivery.application.SubscriptionForm;

/**
 * {@code CaAdminService}: CA key management, application units and e-gov systems for the security
 * administrator (CPS §6.5.1.6, §7.3.2, §7.5.1.2), over HTTPS with the administrator's client
 * certificate; the EJB layer checks the role.
 */
@WebService(
    name = "CaAdminService",
    serviceName = "CaAdminService",
    portName = "CaAdminServicePort",
    targetNamespace = RaServiceEndpoint.NAMESPACE)
public class CaAdminServiceEndpoint {

  @Resource private WebServiceContext context;

  @EJB private CaAdministration administration;

  /**
   * Rolls the key of CA {@code caName} over: a new key in the token, the NewWithNew, NewWithOld and
   * OldWithNew certificates; new certificates are issued with the new key, the old one keeps
   * signing CRLs and OCSP answers for the certificates it issued.
   *
   * @return the three certificates (base64 DER) and the new key generation
   */
  @WebMethod
  @WebResult(name = "rollover")
  public KeyRollover rollOverCaKey(@WebParam(name = "caName") String caName) throws RaServiceFault {
    return SoapCalls.answer(
        "rollOverCaKey",
        () ->
            KeyRollover.of(
                administration.rollOverCaKey(SoapCalls.clientCertificate(context), caName)));
  }

  /** Creates an application unit (CPS §7.3.2) with its code and name. */
  @WebMethod
  public void createApplicationUnit(
      @WebParam(name = "code") String code, @WebParam(name = "name") String name)
      throws RaServiceFault {
    SoapCalls.answer(
        "createApplicationUnit",
        () -> {
          administration.createApplicationUnit(SoapCalls.clientCertificate(context), code, name);
          return null;
        });
  }

  /**
   * Registers an e-gov system of an application unit: its sync endpoint, REALTIME or BATCH delivery
   * (with the interval in minutes), the business types it receives (ISSUE, RENEW, REKEY, REVOKE,
   * CRL), and its PKCS#10 for the query-service client certificate.
   *
   * @return the client certificate and the TLS CA certificate, PEM
   */
  @WebMethod
  @WebResult(name = "clientCertificate")
  public String registerEgovSystem(
      @WebParam(name = "name") String name,
      @WebParam(name = "applicationUnit") String applicationUnit,
      @WebParam(name = "endpoint") String endpoint,
      @WebParam(name = "mode") String mode,
      @WebParam(name = "batchIntervalMinutes") Integer batchIntervalMinutes,
      @WebParam(name = "event") List<String> events,
      @WebParam(name = "pkcs10") String pkcs10)
      throws RaServiceFault {
    return SoapCalls.answer(
        "registerEgovSystem",
        () ->
            administration
                .registerEgovSystem(
                    SoapCalls.clientCertificate(context),
                    name,
                    applicationUnit,
                    new SubscriptionForm(
                        endpoint,
                        mode,
                        batchIntervalMinutes == null ? 0 : batchIntervalMinutes,
                        events),
                    pkcs10)
                .clientCertificatePem());
  }
}
