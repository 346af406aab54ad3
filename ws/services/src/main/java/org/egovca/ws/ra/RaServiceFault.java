package org.egovca.ws.ra;

import jakarta.xml.ws.WebFault;
import org.egovca.ca.application.BatchRequestException;
import org.egovca.ca.domain.CaRequestException;

/**
 * The typed SOAP fault of {@code RaService}. Its fault string names the problem; its detail carries
 * a code: NOT_AUTHORIZED, UNKNOWN_PROFILE, MALFORMED_REQUEST, PROOF_OF_POSSESSION_FAILED,
 * UNSUPPORTED_KEY, INVALID_SUBJECT, CA_UNAVAILABLE or BATCH_TOO_LARGE, and for a batch refused
 * because of one request, that request's index.
 */
@WebFault(name = "RaServiceFault", targetNamespace = RaServiceEndpoint.NAMESPACE)
public class RaServiceFault extends Exception {

  private static final long serialVersionUID = 1L;

  private final RaFaultInfo faultInfo;

  public RaServiceFault(String message, RaFaultInfo faultInfo) {
    super(message);
    this.faultInfo = faultInfo;
  }

  static RaServiceFault of(CaRequestException refusal) {
    Integer requestIndex =
        refusal instanceof BatchRequestException batch ? batch.requestIndex() : null;
    return new RaServiceFault(
        refusal.getMessage(),
        new RaFaultInfo(refusal.reason().name(), refusal.getMessage(), requestIndex));
  }

  public RaFaultInfo getFaultInfo() {
    return faultInfo;
  }
}
