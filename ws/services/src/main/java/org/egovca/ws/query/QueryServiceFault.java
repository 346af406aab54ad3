package org.egovca.ws.query;

import jakarta.xml.ws.WebFault;
import org.egovca.ws.FaultInfo;

/**
 * The typed SOAP fault of {@code QueryService}. Its fault string names the problem; its detail
 * carries the code (NOT_AUTHORIZED for a caller that is no registered e-gov system,
 * UNKNOWN_CERTIFICATE for a certificate outside the caller's application unit or unknown,
 * MALFORMED_REQUEST, …).
 */
@WebFault(name = "QueryServiceFault", targetNamespace = QueryServiceEndpoint.NAMESPACE)
public class QueryServiceFault extends Exception {

  private static final long serialVersionUID = 1L;

  private final FaultInfo faultInfo;

  public QueryServiceFault(String message, FaultInfo faultInfo) {
    super(message);
    this.faultInfo = faultInfo;
  }

  public FaultInfo getFaultInfo() {
    return faultInfo;
  }
}
