package org.egovca.guard;

/**
 * The identifier and length octets of one BER element, read exactly as BouncyCastle 1.82's {@code
 * ASN1InputStream} reads them (high tag numbers up to 31 bits, long-form lengths with any number of
 * leading zero octets), so that {@link Asn1Limits} stops reading where BouncyCastle must stop too.
 *
 * @param identifier the first identifier octet (class, constructed bit, low tag number)
 * @param contentStart the offset of the first content octet
 * @param length the content length, or {@link #INDEFINITE}
 */
record BerHeader(int identifier, int contentStart, long length) {

  static final int INDEFINITE = -1;

  private static final int CONSTRUCTED = 0x20;
  private static final int HIGH_TAG_NUMBER = 0x1F;

  boolean constructed() {
    return (identifier & CONSTRUCTED) != 0;
  }

  /**
   * Reads the header that starts at {@code at}, reading no octet at or after {@code limit}.
   *
   * @throws Unreadable naming what is wrong with the identifier or length octets
   */
  static BerHeader read(byte[] bytes, int at, int limit) throws Unreadable {
    int identifier = bytes[at++] & 0xFF;
    if ((identifier & HIGH_TAG_NUMBER) == HIGH_TAG_NUMBER) {
      at = skipHighTagNumber(bytes, at, limit);
    }
    if (at >= limit) {
      throw new Unreadable("the length is missing");
    }
    int first = bytes[at++] & 0xFF;
    if (first < 0x80) {
      return new BerHeader(identifier, at, first);
    }
    if (first == 0x80) {
      if ((identifier & CONSTRUCTED) == 0) {
        throw new Unreadable("a primitive element has an indefinite length");
      }
      return new BerHeader(identifier, at, INDEFINITE);
    }
    if (first == 0xFF) {
      throw new Unreadable("the length octet 0xFF is reserved");
    }
    long length = 0;
    for (int i = 0; i < (first & 0x7F); i++) {
      if (at >= limit) {
        throw new Unreadable("the length is truncated");
      }
      if ((length >>> 23) != 0) {
        throw new Unreadable("the length is longer than 31 bits");
      }
      length = (length << 8) | (bytes[at++] & 0xFF);
    }
    return new BerHeader(identifier, at, length);
  }

  /**
   * Reads a high tag number as {@code ASN1InputStream.readTagNumber} does; returns what follows.
   */
  private static int skipHighTagNumber(byte[] bytes, int at, int limit) throws Unreadable {
    if (at >= limit) {
      throw new Unreadable("the tag is truncated");
    }
    int digit = bytes[at++] & 0xFF;
    if (digit < 31) {
      throw new Unreadable("a high tag number below 31");
    }
    int number = digit & 0x7F;
    if (number == 0) {
      throw new Unreadable("the tag number starts with a zero digit");
    }
    while ((digit & 0x80) != 0) {
      if ((number >>> 24) != 0) {
        throw new Unreadable("the tag number is longer than 31 bits");
      }
      if (at >= limit) {
        throw new Unreadable("the tag is truncated");
      }
      digit = bytes[at++] & 0xFF;
      number = (number << 7) | (digit & 0x7F);
    }
    return at;
  }

  /** Identifier or length octets BouncyCastle cannot read either; the message says why. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String what) {
      // thrown for every opaque byte string that is not an encoding: no stack trace to fill
      super(what, null, false, false);
    }
  }
}
