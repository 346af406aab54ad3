package org.egovca.kmc.protocol;

import java.security.GeneralSecurityException;

/**
 * A GM/T 0014 message that must not be acted on, with the reason as a {@link Refusal} code. The
 * message says what was wrong in words an operator understands and never carries key material.
 */
public class KmcProtocolException extends GeneralSecurityException {

  private static final long serialVersionUID = 1L;

  /** Why a message was refused. */
  public enum Refusal {
    /** Not a well-formed DER message of the expected type. */
    MALFORMED,
    /** Signed with an algorithm other than SM3withSM2. */
    UNSUPPORTED_ALGORITHM,
    /** The signature does not verify with the sender's key. */
    BAD_SIGNATURE,
    /** The sender's EntName does not name the certificate it is checked against. */
    UNKNOWN_SENDER,
    /** The request or response time is too far from now. */
    NOT_FRESH,
    /** A task number this receiver has already accepted from the same sender. */
    REPLAYED,
    /** A response that does not answer the request it names, or contradicts itself. */
    INCONSISTENT_RESPONSE
  }

  private final Refusal refusal;

  public KmcProtocolException(Refusal refusal, String message) {
    super(message);
    this.refusal = refusal;
  }

  public KmcProtocolException(Refusal refusal, String message, Throwable cause) {
    super(message, cause);
    this.refusal = refusal;
  }

  public Refusal getRefusal() {
    return refusal;
  }
}
