package org.egovca.sync;

/**
 * A sync message was not delivered: the receiver was not reached or did not answer in time ({@link
 * #faultCode()} null: retry later), or it rejected the message with a {@code SyncFault} whose code
 * and message this keeps. The message names the endpoint without user info or query, and never
 * contains key material or the certificate.
 */
public class SyncDeliveryException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String faultCode;

  /** The receiver was not reached, timed out or answered with something other than a receipt. */
  public SyncDeliveryException(String message, Throwable cause) {
    super(message, cause);
    this.faultCode = null;
  }

  /** The receiver rejected the message with a SyncFault of this code. */
  public SyncDeliveryException(String faultCode, String message) {
    super(message);
    this.faultCode = faultCode;
  }

  /**
   * The receiver's fault code (see {@link SyncFaultCode}; receivers may send others), or null for a
   * transport failure.
   */
  public String faultCode() {
    return faultCode;
  }
}
