package org.egovca.sync;

/** A sync signature could not be made, or a received one is not acceptable, and why. */
public class SyncSignatureException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a signature is not acceptable; each is also the fault code a receiver answers with. */
  public enum Reason {
    /** No trusted certificates are known for the CA name of the message. */
    UNKNOWN_CA,
    /**
     * The signing certificate was not issued by the CA (by the key of one of its trusted
     * certificates), or the signature carries no signing certificate.
     */
    NOT_SIGNED_BY_CA,
    /**
     * Signed with the CA's own certificate-signing key. The CA signs sync messages with its sync
     * signer key only; a signature by its certificate-signing key is refused, whoever made it.
     */
    SIGNED_BY_CA_KEY,
    /**
     * The signing certificate was issued by the CA but is not a sync signer certificate (a holder's
     * certificate, say): {@link SyncSignerCertificates#defect}.
     */
    NOT_A_SYNC_SIGNER,
    /** The CA's sync signer certificate is not valid now (expired or not yet valid). */
    SIGNER_NOT_VALID,
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
