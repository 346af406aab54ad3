package org.egovca.sync;

/**
 * The codes of the {@code SyncFault} a receiver answers with when it rejects a message. Receivers
 * may add codes of their own; a CA treats a code it does not know like {@link #RECEIVER_ERROR}.
 */
public enum SyncFaultCode {
  /** A field is missing, badly formed or not decodable. Sending the same message fails again. */
  MALFORMED,
  /**
   * The receiver has no certificates for the CA name: its trust is not configured yet. Worth
   * retrying once the integrator has installed the CA's certificates.
   */
  UNKNOWN_CA,
  /**
   * The signing certificate was not issued by that CA (forged, or signed by another CA), or the
   * signature carries none.
   */
  NOT_SIGNED_BY_CA,
  /**
   * Signed with the CA's certificate-signing key itself instead of its sync signer key: refused
   * (the CA signs sync messages with a dedicated key since interface version 2).
   */
  SIGNED_BY_CA_KEY,
  /**
   * Signed with a certificate the CA issued that is not a sync signer certificate, for example a
   * holder's certificate.
   */
  NOT_A_SYNC_SIGNER,
  /** The CA's sync signer certificate is expired or not yet valid. */
  SIGNER_NOT_VALID,
  /**
   * The message names another e-gov system or application unit as its recipient: made for another
   * system, and replayed here.
   */
  WRONG_RECIPIENT,
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
      case SIGNED_BY_CA_KEY -> SIGNED_BY_CA_KEY;
      case NOT_A_SYNC_SIGNER -> NOT_A_SYNC_SIGNER;
      case SIGNER_NOT_VALID -> SIGNER_NOT_VALID;
      case BAD_SIGNATURE -> BAD_SIGNATURE;
      case MALFORMED -> MALFORMED;
    };
  }
}
