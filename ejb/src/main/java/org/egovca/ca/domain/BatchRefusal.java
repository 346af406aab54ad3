package org.egovca.ca.domain;

/**
 * A batch refused because of one of its requests: names the request by its position in the batch
 * (0-based), so the RA can correct that application and resubmit. Like every {@link Refusal} it
 * rolls the whole batch back.
 */
public class BatchRefusal extends Refusal {

  private static final long serialVersionUID = 1L;

  private final int requestIndex;

  public BatchRefusal(int requestIndex, int batchSize, Refusal refusal) {
    super(
        refusal.code(),
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
