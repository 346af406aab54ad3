package org.egovca.ldap;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 4514 value handling for the entry DNs the publisher builds: escaping a string value, and
 * reading the {@code #hex} form, which carries the BER encoding of an X.500 DirectoryString (the
 * JDK prints attribute types it has no keyword for that way).
 */
final class RdnValues {

  private RdnValues() {}

  /**
   * Escapes {@code value} for use as an RDN value (RFC 4514 §2.4). Characters outside ASCII, such
   * as Chinese names, are legal in a UTF-8 DN string and are left as they are.
   */
  static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean leading = i == 0 && (c == ' ' || c == '#');
      boolean trailing = i == value.length() - 1 && c == ' ';
      if (c == '\0') {
        escaped.append("\\00");
      } else if (leading || trailing || "\"+,;<>\\".indexOf(c) >= 0) {
        escaped.append('\\').append(c);
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /**
   * The text of a BER-encoded DirectoryString (UTF8String, PrintableString, IA5String,
   * NumericString, TeletexString read as Latin-1 like most software does, BMPString or
   * UniversalString).
   *
   * @throws IllegalArgumentException when {@code ber} is not one of them
   */
  static String decodeDirectoryString(byte[] ber) {
    if (ber.length < 2) {
      throw new IllegalArgumentException("value too short to be a DER string");
    }
    int lengthOctets = (ber[1] & 0x80) == 0 ? 0 : ber[1] & 0x7f;
    int length = lengthOctets == 0 ? ber[1] & 0x7f : 0;
    if (lengthOctets > 3 || 2 + lengthOctets > ber.length) {
      throw new IllegalArgumentException("unsupported DER length in value");
    }
    for (int i = 0; i < lengthOctets; i++) {
      length = (length << 8) | (ber[2 + i] & 0xff);
    }
    int start = 2 + lengthOctets;
    if (start + length != ber.length) {
      throw new IllegalArgumentException("DER length does not match the value");
    }
    byte[] content = Arrays.copyOfRange(ber, start, ber.length);
    return new String(content, charsetOf(ber[0]));
  }

  private static Charset charsetOf(byte tag) {
    return switch (tag) {
      case 0x0c -> StandardCharsets.UTF_8;
      case 0x12, 0x13, 0x16 -> StandardCharsets.US_ASCII;
      case 0x14 -> StandardCharsets.ISO_8859_1;
      case 0x1e -> StandardCharsets.UTF_16BE;
      case 0x1c -> Charset.forName("UTF-32BE");
      default ->
          throw new IllegalArgumentException(
              String.format("DER tag 0x%02x is not a directory string", tag & 0xff));
    };
  }
}
