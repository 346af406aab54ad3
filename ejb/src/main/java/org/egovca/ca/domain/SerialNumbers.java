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

  /**
   * Reads a serial number as people copy it: hexadecimal, optionally with a {@code 0x} prefix,
   * colons or spaces between bytes (as {@code openssl x509 -text} prints it).
   *
   * @return the serial number, or null when the text is not a positive hexadecimal number
   */
  public static BigInteger parse(String text) {
    if (text == null) {
      return null;
    }
    String hex = text.strip().replaceFirst("^0[xX]", "").replaceAll("[:\\s]", "");
    if (hex.isEmpty() || hex.length() > 40 || !hex.matches("[0-9a-fA-F]+")) {
      return null;
    }
    BigInteger serial = new BigInteger(hex, 16);
    return serial.signum() > 0 ? serial : null;
  }
}
