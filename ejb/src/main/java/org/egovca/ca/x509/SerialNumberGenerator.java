package org.egovca.ca.x509;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Draws certificate serial numbers from a CSPRNG: 127 random bits, positive, at least 64 bits long,
 * at most 16 octets (RFC 5280 allows 20), so serials are unpredictable (CPS §6.1.4.3).
 */
public final class SerialNumberGenerator {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SerialNumberGenerator() {}

  public static BigInteger next() {
    BigInteger serial;
    do {
      serial = new BigInteger(127, RANDOM);
    } while (serial.bitLength() < 64);
    return serial;
  }
}
