package org.egovca.ws.ra;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import org.egovca.ca.application.CaAdministration;

/**
 * {@code CaAdminService}: CA key management for the security administrator (CPS §6.5.1.6,
 * §7.5.1.2), over HTTPS with the administrator's client certificate; the EJB layer checks the role.
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
}
