package org.egovca.ca.kmc;

/**
 * How a signed CARequest reaches the KMC and its KMRespond comes back: HTTPS in the server ({@link
 * HttpsKmcTransport}); the service tier hands the bytes to the KMC's core in-process. Either way
 * the bytes are the protocol's, signed and checked at both ends.
 */
public interface KmcTransport {

  /**
   * Sends a DER CARequest and returns the DER KMRespond.
   *
   * @throws KmcUnavailableException when the KMC cannot be reached, does not answer in time, or
   *     refuses the message as a whole
   */
  byte[] exchange(byte[] caRequest) throws KmcUnavailableException;
}
