package org.egovca.ca.domain;

import java.math.BigInteger;

/** Certificate serial numbers are stored as lower-case hexadecimal without leading zeros. */
public final class SerialNumbers {

  private SerialNumbers() {}

  public static String toHex(BigInteger serialNumber) {
    if (serialNumber.signum() <= 0) {
      throw new IllegalArgumentException("a certificate serial number must be positive");
    }
    return serialNumber.toString(16);
  }

  public static BigInteger fromHex(String hex) {
    return new BigInteger(hex, 16);
  }
}
