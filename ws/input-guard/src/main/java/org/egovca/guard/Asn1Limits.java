package org.egovca.guard;

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
    new Walk(encoding, gatherAllowance).elements(0, encoding.length, 0, false);
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
     * Walks the elements in {@code [from, to)} starting at nesting level {@code depth}. Too deep a
     * nesting is always refused; an inconsistency inside encapsulated content ({@code
     * encapsulated}) only means the content is opaque bytes, and ends this walk quietly once it has
     * gone as far as BouncyCastle could.
     *
     * <p>Re-entered once per encapsulation level; each entry is at least one level deeper, so the
     * recursion is bounded by {@link #MAX_DEPTH}.
     */
    void elements(int from, int to, int depth, boolean encapsulated) throws MalformedAsn1Exception {
      try {
        walk(from, to, depth, encapsulated);
      } catch (OpaqueContent stop) {
        // the content was not an encoding after all: nothing a parser could open is nested deeper
      }
    }

    private void walk(int from, int to, int depth, boolean encapsulated)
        throws MalformedAsn1Exception, OpaqueContent {
      OpenContainers open = new OpenContainers(to);
      int at = from;
      while (true) {
        while (open.innermostEndsAt(at)) {
          closeInnermost(open, depth);
        }
        if (open.isEmpty() && at == to) {
          return;
        }
        int limit = open.limit();
        if (at >= limit) {
          // an indefinite-length element without its end-of-contents: BouncyCastle meets the end
          // of the input there too
          throw inconsistent(encapsulated, at, "an element runs past the end of its container");
        }
        if (open.innermostIsIndefinite() && endOfContentsAt(at, limit)) {
          closeInnermost(open, depth);
          at += 2;
          continue;
        }
        at = element(at, limit, open, depth, encapsulated);
      }
    }

    /** Reads the element at {@code at}; returns where the walk goes on (into it if constructed). */
    private int element(int at, int limit, OpenContainers open, int depth, boolean encapsulated)
        throws MalformedAsn1Exception, OpaqueContent {
      BerHeader header;
      try {
        header = BerHeader.read(bytes, at, limit);
      } catch (BerHeader.Unreadable unreadable) {
        throw inconsistent(encapsulated, at, unreadable.getMessage());
      }
      int contentStart = header.contentStart();
      long length = header.length();
      if (length != BerHeader.INDEFINITE && length > limit - contentStart) {
        if (!encapsulated) {
          throw malformed(at, "the length " + length + " runs past the end of its container");
        }
        // BouncyCastle reads into the element before it finds the bytes missing: count the
        // levels inside it as far as there are bytes
        length = limit - contentStart;
      }
      int level = depth + open.count() + 1;
      if (level > MAX_DEPTH) {
        throw new MalformedAsn1Exception(
            "the ASN.1 encoding is nested more than " + MAX_DEPTH + " levels deep");
      }
      int identifier = header.identifier();
      if (header.constructed()) {
        open.open(
            length == BerHeader.INDEFINITE ? BerHeader.INDEFINITE : contentStart + (int) length,
            identifier == CONSTRUCTED_OCTET_STRING || identifier == CONSTRUCTED_BIT_STRING);
        return contentStart;
      }
      int end = contentStart + (int) length;
      // a BIT STRING's content starts with its unused-bits octet
      int octetsFrom = identifier == BIT_STRING && length > 0 ? contentStart + 1 : contentStart;
      if (open.gathering()) {
        // a segment of a constructed string
        gatherAllowance[0] -= end - octetsFrom;
        if (gatherAllowance[0] < 0) {
          throw new MalformedAsn1Exception(
              "the ASN.1 encoding nests constructed strings inside each other too often");
        }
        open.gather(bytes, octetsFrom, end);
      }
      // a primitive: its content may itself be an encoding that a parser will open later
      if (length >= 2) {
        elements(octetsFrom, end, level, true);
      }
      return end;
    }

    /** Closes the innermost container, walking a constructed string's gathered content. */
    private void closeInnermost(OpenContainers open, int depth) throws MalformedAsn1Exception {
      byte[] content = open.closeInnermost();
      if (content != null && content.length >= 2) {
        new Walk(content, gatherAllowance)
            .elements(0, content.length, depth + open.count() + 1, true);
      }
    }

    private boolean endOfContentsAt(int at, int limit) {
      return at + 1 < limit && bytes[at] == 0 && bytes[at + 1] == 0;
    }

    /**
     * The refusal of an inconsistency outside encapsulated content. Inside it the bytes may be
     * opaque, so the walk of that content ends quietly instead.
     */
    private static MalformedAsn1Exception inconsistent(
        boolean encapsulated, int offset, String what) throws OpaqueContent {
      if (encapsulated) {
        throw new OpaqueContent();
      }
      return malformed(offset, what);
    }

    private static MalformedAsn1Exception malformed(int offset, String what) {
      return new MalformedAsn1Exception(
          "the ASN.1 encoding is malformed at byte " + offset + ": " + what);
    }
  }

  /** Ends the walk of encapsulated content that turned out to be opaque bytes, not an encoding. */
  private static final class OpaqueContent extends Exception {
    private static final long serialVersionUID = 1L;

    OpaqueContent() {
      super(null, null, false, false);
    }
  }
}
