package org.egovca.ws.admin;

import jakarta.xml.ws.WebFault;
import org.egovca.ws.FaultInfo;

/**
 * The typed SOAP fault of {@code CaAdminService}. Its fault string names the problem; its detail
 * carries the code (NOT_AUTHORIZED for any caller without both factors of an operator login or
 * without the permission, MALFORMED_REQUEST naming what is wrong, TOKEN_OFFLINE when an approval
 * needs the CA's keys — a rollover, a registration's certificate — while they wait for activation
 * by the key custodians, and the request stays open; INTERNAL_ERROR).
 */
@WebFault(name = "CaAdminServiceFault", targetNamespace = CaAdminServiceEndpoint.NAMESPACE)
public class CaAdminServiceFault extends Exception {

  private static final long serialVersionUID = 1L;

  private final FaultInfo faultInfo;

  public CaAdminServiceFault(String message, FaultInfo faultInfo) {
    super(message);
    this.faultInfo = faultInfo;
  }

  public FaultInfo getFaultInfo() {
    return faultInfo;
  }
}
