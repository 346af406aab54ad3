package org.egovca.sync;

/**
 * The codes of the {@code SyncFault} a receiver answers with when it rejects a message. Receivers
 * may add codes of their own; a CA treats a code it does not know like {@link #RECEIVER_ERROR}.
 */
public enum SyncFaultCode {
  /** A field is missing, badly formed or not decodable. Sending the same message fails again. */
  MALFORMED,
  /**
   * The receiver has no certificates for the CA identifier: its trust is not configured yet. Worth
   * retrying once the integrator has installed the CA's certificates.
   */
  UNKNOWN_CA,
  /** The signature was not made with a key of that CA (forged, or signed by another CA). */
  NOT_SIGNED_BY_CA,
  /** Signed by the CA, but not over these fields: the message was changed on the way. */
  BAD_SIGNATURE,
  /** The certificate or CRL inside was not issued by that CA. */
  NOT_ISSUED_BY_CA,
  /**
   * A field disagrees with the certificate or CRL inside: serial number, validity, CRL number or
   * update times.
   */
  FIELD_MISMATCH,
  /** The receiver could not apply the message (storage failure); retry later. */
  RECEIVER_ERROR;

  /** The fault code for a signature that is not acceptable. */
  public static SyncFaultCode of(SyncSignatureException.Reason reason) {
    return switch (reason) {
      case UNKNOWN_CA -> UNKNOWN_CA;
      case NOT_SIGNED_BY_CA -> NOT_SIGNED_BY_CA;
      case BAD_SIGNATURE -> BAD_SIGNATURE;
      case MALFORMED -> MALFORMED;
    };
  }
}
