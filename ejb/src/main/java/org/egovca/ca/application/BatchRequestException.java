package org.egovca.ca.application;

import org.egovca.ca.domain.CaRequestException;

/**
 * A batch refused because of one of its requests: names the request by its position in the batch
 * (0-based), so the RA can correct that application and resubmit. Like every {@link
 * CaRequestException} it rolls the whole batch back.
 */
public class BatchRequestException extends CaRequestException {

  private static final long serialVersionUID = 1L;

  private final int requestIndex;

  BatchRequestException(int requestIndex, int batchSize, CaRequestException refusal) {
    super(
        refusal.reason(),
        "request at index "
            + requestIndex
            + " (of "
            + batchSize
            + ") is refused, so no certificate of the batch was issued: "
            + refusal.getMessage());
    this.requestIndex = requestIndex;
  }

  public int requestIndex() {
    return requestIndex;
  }
}
