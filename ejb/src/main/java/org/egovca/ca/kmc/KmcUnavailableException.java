package org.egovca.ca.kmc;

/** The KMC did not answer a CARequest with a KMRespond; the message says why. */
public class KmcUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  public KmcUnavailableException(String message) {
    super(message);
  }

  public KmcUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
