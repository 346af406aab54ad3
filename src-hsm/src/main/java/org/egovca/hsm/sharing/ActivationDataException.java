package org.egovca.hsm.sharing;

/**
 * The key custodians' activation data did not open: a custodian's PIN, or the combination of
 * shares, was wrong. Unchecked, like the crypto token's exceptions: a ceremony reports the message
 * to the custodians and records the failure; the subclasses tell the two cases apart. Messages name
 * custodians and tokens, never a PIN, a share or a secret.
 */
public class ActivationDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message for the custodians and the auditor. */
  public ActivationDataException(String message) {
    super(message);
  }
}
