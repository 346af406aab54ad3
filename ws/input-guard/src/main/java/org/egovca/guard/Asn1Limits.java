package org.egovca.guard;

import java.io.ByteArrayOutputStream;

/**
 * Checks the shape of a BER/DER encoding before BouncyCastle parses it. BouncyCastle 1.82's {@code
 * ASN1InputStream} recurses once per nesting level and has no depth limit (its only bound is on
 * lengths), so some ten thousand nested SEQUENCEs, about 40 KB, end in a {@link
 * StackOverflowError}; the same happens later when an OCTET STRING or BIT STRING that encapsulates
 * a further encoding (an extension value, a signature, CMS content) is parsed. This walk is
 * iterative: it reads every tag and length, checks that each element fits in its container, and
 * refuses nesting deeper than {@link #MAX_DEPTH}, counting the levels inside any primitive whose
 * content may itself be parsed as an encoding, and inside the concatenated segments of a
 * constructed (BER) OCTET or BIT STRING.
 *
 * <p>Inside such content the bytes may be opaque (a nonce, a hash, an RSA signature), so an
 * inconsistency there is not refused. The walk must then never stop earlier than BouncyCastle
 * would: it reads tags and lengths exactly as {@code ASN1InputStream} does (high tag numbers up to
 * 31 bits, long-form lengths with any number of leading zero octets), and stops only where
 * BouncyCastle must throw too (a truncated or corrupt tag or length, a primitive of indefinite
 * length, a missing end-of-contents). An element whose length runs past its container is not such a
 * point: BouncyCastle reads into it before it notices, so the walk goes on counting the levels
 * inside it up to the container's end.
 *
 * <p>Legitimate structures stay far below the limit: a certificate inside a CMS SignedData, with a
 * certificate policy's user notice inside an extension, is about 17 levels deep.
 */
public final class Asn1Limits {

  /** Nesting levels accepted, counted through encapsulating OCTET and BIT STRINGs. */
  public static final int MAX_DEPTH = 64;

  /**
   * What a parse that overflowed its stack anyway is refused with: the callers of BouncyCastle
   * catch {@link StackOverflowError} where a caller's ASN.1 is parsed or verified, as a last line
   * behind this check.
   */
  public static final String TOO_DEEP_TO_PARSE = "the ASN.1 encoding is nested too deeply to parse";

  private static final int INDEFINITE = -1;
  private static final int BIT_STRING = 0x03;
  private static final int CONSTRUCTED_BIT_STRING = 0x23;
  private static final int CONSTRUCTED_OCTET_STRING = 0x24;

  private Asn1Limits() {}

  /**
   * Passes if {@code encoding} is a sequence of complete BER elements nested at most {@link
   * #MAX_DEPTH} levels deep.
   *
   * @throws MalformedAsn1Exception naming the problem and its byte offset
   */
  public static void check(byte[] encoding) throws MalformedAsn1Exception {
    // concatenated string segments are walked again: allow them a few times the input in all
    long[] gatherAllowance = {4L * encoding.length + 4096};
    String problem = new Walk(encoding, gatherAllowance).elements(0, encoding.length, 0, false);
    if (problem != null) {
      throw new MalformedAsn1Exception(problem);
    }
  }

  /** One pass over a buffer; {@link #elements} is re-entered only for encapsulated content. */
  private static final class Walk {
    private final byte[] bytes;
    private final long[] gatherAllowance;

    Walk(byte[] bytes, long[] gatherAllowance) {
      this.bytes = bytes;
      this.gatherAllowance = gatherAllowance;
    }

    /**
     * Walks the elements in {@code [from, to)} starting at nesting level {@code depth}. Returns
     * null when they are well formed, otherwise the problem. Too deep a nesting is always reported;
     * an inconsistency inside encapsulated content ({@code encapsulated}) only means the content is
     * opaque bytes, and is reported as null once the walk has gone as far as BouncyCastle could.
     *
     * <p>Re-entered once per encapsulation level; each entry is at least one level deeper, so the
     * recursion is bounded by {@link #MAX_DEPTH}.
     */
    String elements(int from, int to, int depth, boolean encapsulated) {
      // ends[i]: where the constructed element opened at level depth + i + 1 ends, or INDEFINITE
      int[] ends = new int[MAX_DEPTH + 1];
      int open = 0;
      int at = from;
      // the segments of the outermost open constructed OCTET or BIT STRING, concatenated as
      // BouncyCastle's getOctets() does, to be walked as an encoding when that string closes
      int gatheringAt = -1; // its index in ends
      ByteArrayOutputStream gathered = null;
      while (true) {
        // close every definite-length container that is complete
        while (open > 0 && ends[open - 1] != INDEFINITE && at == ends[open - 1]) {
          open--;
          if (open == gatheringAt) {
            String inner = gatheredContent(gathered, depth + open + 1);
            if (inner != null) {
              return inner;
            }
            gatheringAt = -1;
            gathered = null;
          }
        }
        if (open == 0 && at == to) {
          return null;
        }
        int limit = enclosingEnd(ends, open, to);
        if (at >= limit) {
          // an indefinite-length element without its end-of-contents: BouncyCastle meets the end
          // of the input there too
          return inconsistent(encapsulated, at, "an element runs past the end of its container");
        }
        int start = at;
        // end-of-contents octets close the innermost indefinite-length container
        if (open > 0
            && ends[open - 1] == INDEFINITE
            && at + 1 < limit
            && bytes[at] == 0
            && bytes[at + 1] == 0) {
          open--;
          at += 2;
          if (open == gatheringAt) {
            String inner = gatheredContent(gathered, depth + open + 1);
            if (inner != null) {
              return inner;
            }
            gatheringAt = -1;
            gathered = null;
          }
          continue;
        }
        int identifier = bytes[at++] & 0xFF;
        boolean constructed = (identifier & 0x20) != 0;
        if ((identifier & 0x1F) == 0x1F) {
          // a high tag number, read as ASN1InputStream.readTagNumber reads it
          if (at >= limit) {
            return inconsistent(encapsulated, start, "the tag is truncated");
          }
          int digit = bytes[at++] & 0xFF;
          if (digit < 31) {
            return inconsistent(encapsulated, start, "a high tag number below 31");
          }
          int number = digit & 0x7F;
          if (number == 0) {
            return inconsistent(encapsulated, start, "the tag number starts with a zero digit");
          }
          while ((digit & 0x80) != 0) {
            if ((number >>> 24) != 0) {
              return inconsistent(encapsulated, start, "the tag number is longer than 31 bits");
            }
            if (at >= limit) {
              return inconsistent(encapsulated, start, "the tag is truncated");
            }
            digit = bytes[at++] & 0xFF;
            number = (number << 7) | (digit & 0x7F);
          }
        }
        if (at >= limit) {
          return inconsistent(encapsulated, start, "the length is missing");
        }
        // the length, read as ASN1InputStream.readLength reads it
        int first = bytes[at++] & 0xFF;
        long length;
        if (first < 0x80) {
          length = first;
        } else if (first == 0x80) {
          if (!constructed) {
            return inconsistent(
                encapsulated, start, "a primitive element has an indefinite length");
          }
          length = INDEFINITE;
        } else if (first == 0xFF) {
          return inconsistent(encapsulated, start, "the length octet 0xFF is reserved");
        } else {
          int count = first & 0x7F;
          long value = 0;
          for (int i = 0; i < count; i++) {
            if (at >= limit) {
              return inconsistent(encapsulated, start, "the length is truncated");
            }
            if ((value >>> 23) != 0) {
              return inconsistent(encapsulated, start, "the length is longer than 31 bits");
            }
            value = (value << 8) | (bytes[at++] & 0xFF);
          }
          length = value;
        }
        if (length != INDEFINITE && length > limit - at) {
          if (!encapsulated) {
            return "the ASN.1 encoding is malformed at byte "
                + start
                + ": the length "
                + length
                + " runs past the end of its container";
          }
          // BouncyCastle reads into the element before it finds the bytes missing: count the
          // levels inside it as far as there are bytes
          length = limit - at;
        }
        int level = depth + open + 1;
        if (level > MAX_DEPTH) {
          return "the ASN.1 encoding is nested more than " + MAX_DEPTH + " levels deep";
        }
        if (constructed) {
          if (gatheringAt < 0
              && (identifier == CONSTRUCTED_OCTET_STRING || identifier == CONSTRUCTED_BIT_STRING)) {
            gatheringAt = open;
            gathered = new ByteArrayOutputStream();
          }
          ends[open++] = length == INDEFINITE ? INDEFINITE : at + (int) length;
          continue;
        }
        int end = at + (int) length;
        if (gathered != null) {
          // a segment of a constructed string; a BIT STRING segment starts with its unused bits
          int segmentFrom = identifier == BIT_STRING && length > 0 ? at + 1 : at;
          gatherAllowance[0] -= end - segmentFrom;
          if (gatherAllowance[0] < 0) {
            return "the ASN.1 encoding nests constructed strings inside each other too often";
          }
          gathered.write(bytes, segmentFrom, end - segmentFrom);
        }
        // a primitive: its content may itself be an encoding that a parser will open later
        if (length >= 2) {
          int contentFrom = identifier == BIT_STRING ? at + 1 : at; // skip the unused-bits octet
          String inner = elements(contentFrom, end, level, true);
          if (inner != null) {
            return inner;
          }
        }
        at = end;
      }
    }

    /** The concatenated segments of a constructed string that has closed at {@code level}. */
    private String gatheredContent(ByteArrayOutputStream gathered, int level) {
      byte[] content = gathered.toByteArray();
      return content.length < 2
          ? null
          : new Walk(content, gatherAllowance).elements(0, content.length, level, true);
    }

    /** Where the innermost definite-length container ends (indefinite ones end at their EOC). */
    private static int enclosingEnd(int[] ends, int open, int to) {
      for (int i = open - 1; i >= 0; i--) {
        if (ends[i] != INDEFINITE) {
          return ends[i];
        }
      }
      return to;
    }

    private static String inconsistent(boolean encapsulated, int offset, String what) {
      return encapsulated
          ? null
          : "the ASN.1 encoding is malformed at byte " + offset + ": " + what;
    }
  }
}
