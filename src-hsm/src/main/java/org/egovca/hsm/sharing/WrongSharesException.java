package org.egovca.hsm.sharing;

/**
 * The shares presented do not give the secret they were split from: fewer than the threshold,
 * shares of different distributions, or an altered share. Shares carry no integrity check of their
 * own; {@link SealedTokenPin#open} is where a wrong combination is reliably detected, and {@link
 * SecretSharing#combine} reports it early when the result cannot be a secret of the expected size.
 */
public class WrongSharesException extends ActivationDataException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message for the custodians and the auditor. */
  public WrongSharesException(String message) {
    super(message);
  }
}
