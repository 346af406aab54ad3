package org.egovca.ca.x509.crl;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The few DER tag and length rules (X.690 §8.1, §10.1) the streaming writer needs for the parts it
 * encodes by hand, where building BouncyCastle objects per entry would cost time and memory.
 */
final class Der {

  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int OCTET_STRING = 0x04;
  static final int OBJECT_IDENTIFIER = 0x06;
  static final int ENUMERATED = 0x0a;
  static final int UTC_TIME = 0x17;
  static final int GENERALIZED_TIME = 0x18;
  static final int SEQUENCE = 0x30;

  private Der() {}

  /** Octets of the length field for a content of {@code length} octets (definite form). */
  static int lengthOfLength(long length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative DER length " + length);
    }
    if (length < 0x80) {
      return 1;
    }
    int octets = (Long.SIZE - Long.numberOfLeadingZeros(length) + 7) / 8;
    return 1 + octets;
  }

  /** Octets of a whole TLV (one-octet tag) whose content has {@code contentLength} octets. */
  static long tlvLength(long contentLength) {
    return 1 + lengthOfLength(contentLength) + contentLength;
  }

  /** Writes tag and length into {@code buffer} at {@code position}; returns the next position. */
  static int putHeader(byte[] buffer, int position, int tag, long length) {
    buffer[position++] = (byte) tag;
    int lengthOfLength = lengthOfLength(length);
    if (lengthOfLength == 1) {
      buffer[position++] = (byte) length;
      return position;
    }
    int octets = lengthOfLength - 1;
    buffer[position++] = (byte) (0x80 | octets);
    for (int shift = 8 * (octets - 1); shift >= 0; shift -= 8) {
      buffer[position++] = (byte) (length >>> shift);
    }
    return position;
  }

  /** Writes tag and length to {@code out}. */
  static void writeHeader(OutputStream out, int tag, long length) throws IOException {
    byte[] header = new byte[10];
    out.write(header, 0, putHeader(header, 0, tag, length));
  }
}
