package org.egovca.ws.ra;

import jakarta.xml.ws.WebFault;
import org.egovca.ws.FaultInfo;

/**
 * The typed SOAP fault of {@code RaService}. Its fault string names the problem; its detail carries
 * the code (NOT_AUTHORIZED, UNKNOWN_PROFILE, MALFORMED_REQUEST, PROOF_OF_POSSESSION_FAILED,
 * UNSUPPORTED_KEY, INVALID_SUBJECT, CA_UNAVAILABLE, BATCH_TOO_LARGE, TOKEN_OFFLINE, …) and, for a
 * batch refused because of one request, that request's index. TOKEN_OFFLINE: the CA's keys wait for
 * activation by the key custodians; nothing was issued, and the same call succeeds once they have
 * activated the token (a batch gets it as a whole, without an index).
 */
@WebFault(name = "RaServiceFault", targetNamespace = RaServiceEndpoint.NAMESPACE)
public class RaServiceFault extends Exception {

  private static final long serialVersionUID = 1L;

  private final FaultInfo faultInfo;

  public RaServiceFault(String message, FaultInfo faultInfo) {
    super(message);
    this.faultInfo = faultInfo;
  }

  public FaultInfo getFaultInfo() {
    return faultInfo;
  }
}
