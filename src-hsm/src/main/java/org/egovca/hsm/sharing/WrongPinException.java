package org.egovca.hsm.sharing;

/**
 * A sealed share did not open with the PIN given: the custodian typed a wrong PIN, or the sealed
 * share belongs to another custodian, token or share distribution (the two cannot be told apart:
 * either way the authentication tag does not verify), or it was altered.
 */
public class WrongPinException extends ActivationDataException {
  private static final long serialVersionUID = 1L;

  private final String custodian;

  /** Creates the exception for the key custodian whose share did not open. */
  public WrongPinException(String custodian) {
    super("the PIN of key custodian " + custodian + " does not open this share");
    this.custodian = custodian;
  }

  /** The key custodian whose PIN did not open the share, for the ceremony's audit record. */
  public String custodian() {
    return custodian;
  }
}
