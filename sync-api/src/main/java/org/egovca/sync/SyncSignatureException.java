package org.egovca.sync;

/** A sync signature could not be made, or a received one is not acceptable, and why. */
public class SyncSignatureException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a signature is not acceptable; each is also the fault code a receiver answers with. */
  public enum Reason {
    /** No trusted certificates are known for the CA identifier of the message. */
    UNKNOWN_CA,
    /** The signature was made with a key that none of the CA's trusted certificates holds. */
    NOT_SIGNED_BY_CA,
    /** Made with the CA's key, but not over these bytes: the message was changed on the way. */
    BAD_SIGNATURE,
    /** Not a detached CMS SignedData with one signer, or the signature could not be made. */
    MALFORMED
  }

  private final Reason reason;

  public SyncSignatureException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public SyncSignatureException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
