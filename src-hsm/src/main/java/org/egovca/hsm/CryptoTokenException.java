package org.egovca.hsm;

/**
 * A crypto token could not do what was asked. Unchecked because callers rarely recover locally:
 * they report the message to the operator; the subclasses let them tell the common cases apart.
 */
public class CryptoTokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message for the operator. */
  public CryptoTokenException(String message) {
    super(message);
  }

  /** Creates an exception with a message for the operator and the underlying failure. */
  public CryptoTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
