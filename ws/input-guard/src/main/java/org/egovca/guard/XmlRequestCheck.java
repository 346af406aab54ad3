package org.egovca.guard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks at an XML request body before the XML parser does and refuses what no SOAP request of the
 * CA needs: a document type declaration or any other markup declaration ({@code <!DOCTYPE}, {@code
 * <!ENTITY}, {@code <!ELEMENT}, …, the vehicle of entity expansion and external entities), and more
 * elements than the service accepts (a huge batch costs the parser far more memory than its bytes).
 *
 * <p>It is a small lexer, not a parser: in well-formed XML, {@code <!} starts only a comment, a
 * CDATA section or a markup declaration, so skipping comments, CDATA sections, processing
 * instructions and quoted attribute values leaves every declaration in sight, wherever it is. The
 * body is decoded as the parser may decode it: in the charset of the Content-Type, in the encoding
 * its first bytes announce (a byte order mark, UTF-16 or UTF-32 without one, XML 1.0 Appendix F),
 * and in the encoding of its XML declaration; each distinct decoding is checked.
 *
 * <p>That is sound only for encodings the check can follow, so it also decides what is accepted at
 * all ({@link #unsupportedContentType}, {@link #unsupportedEncoding}): a SOAP request is {@code
 * text/xml} or {@code application/soap+xml}, with no charset or one of {@link #ACCEPTED_CHARSETS},
 * its XML declaration names no other encoding, and its bytes begin, after white space, with {@code
 * <} in the encoding family they show. Anything else (a multipart/related MTOM or SwA message,
 * whose parts declare encodings of their own; EBCDIC; UTF-7) is refused before a parser sees it.
 */
public final class XmlRequestCheck {

  private static final Pattern CHARSET =
      Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([A-Za-z0-9._:+-]+)\"?");
  private static final Pattern DECLARED =
      Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

  /** The media types of a SOAP 1.1 and a SOAP 1.2 request. */
  public static final List<String> ACCEPTED_TYPES = List.of("text/xml", "application/soap+xml");

  /**
   * The charsets a SOAP request may be in: the Unicode encodings and the ASCII-compatible ones the
   * check decodes exactly as a parser does ('<', '!' and quotes are always single ASCII bytes).
   */
  public static final List<String> ACCEPTED_CHARSETS =
      List.of(
          "UTF-8",
          "UTF-16",
          "UTF-16BE",
          "UTF-16LE",
          "UTF-32",
          "UTF-32BE",
          "UTF-32LE",
          "US-ASCII",
          "ISO-8859-1",
          "GB18030",
          "GBK",
          "GB2312");

  private static final String WHAT_IS_ACCEPTED =
      "this service accepts "
          + String.join(" or ", ACCEPTED_TYPES)
          + ", with no charset or one of "
          + String.join(", ", ACCEPTED_CHARSETS);

  private XmlRequestCheck() {}

  /**
   * Why a request with this Content-Type header is not accepted, if it is not.
   *
   * @param contentType the request's Content-Type header, or null
   * @return a sentence naming the type or charset and what is accepted, for a 415 answer
   */
  public static Optional<String> unsupportedContentType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return Optional.of("the request has no Content-Type: " + WHAT_IS_ACCEPTED);
    }
    String[] parts = contentType.split(";");
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    if (!ACCEPTED_TYPES.contains(type)) {
      return Optional.of(
          "the request's Content-Type is " + printable(type) + ": " + WHAT_IS_ACCEPTED);
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      int equals = parameter.indexOf('=');
      String name = (equals < 0 ? parameter : parameter.substring(0, equals)).strip();
      if (name.equalsIgnoreCase("charset")) {
        String value = equals < 0 ? "" : parameter.substring(equals + 1).strip();
        value = value.replaceAll("^\"|\"$", "");
        if (!accepted(value)) {
          return Optional.of(
              "the request's charset is " + printable(value) + ": " + WHAT_IS_ACCEPTED);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Why this body is not in an encoding the check can follow, if it is not: its XML declaration
   * names a charset that is not accepted, or its bytes do not begin with {@code <} (after white
   * space and a byte order mark) in the encoding family they show (XML 1.0 Appendix F), as an
   * EBCDIC or UTF-7 document does not.
   *
   * @param contentType the request's Content-Type header, or null
   * @return a sentence naming the problem and what is accepted, for a 415 answer
   */
  public static Optional<String> unsupportedEncoding(byte[] body, int length, String contentType) {
    Optional<String> header = contentType == null ? Optional.empty() : charsetOf(contentType);
    if (header.isPresent() && !accepted(header.get())) {
      return Optional.of(
          "the request's charset is " + printable(header.get()) + ": " + WHAT_IS_ACCEPTED);
    }
    Charset detected = detected(body, length);
    if (detected == StandardCharsets.UTF_8) {
      Optional<String> declared = declaredEncoding(body, length);
      if (declared.isPresent() && !accepted(declared.get())) {
        return Optional.of(
            "the request's XML declaration names the encoding "
                + printable(declared.get())
                + ": "
                + WHAT_IS_ACCEPTED);
      }
    }
    if (!startsWithMarkup(reader(body, length, detected))) {
      return Optional.of(
          "the request body does not begin with '<' in "
              + detected.name()
              + " (nor in another encoding its first bytes could mean): "
              + WHAT_IS_ACCEPTED);
    }
    return Optional.empty();
  }

  /** Whether {@code name} (or an alias of it, such as utf8 or latin1) is an accepted charset. */
  private static boolean accepted(String name) {
    return charset(name).map(Charset::name).filter(ACCEPTED_CHARSETS::contains).isPresent();
  }

  /** A name from a header or a body, safe to repeat in an answer. */
  private static String printable(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return "\"" + shown.replaceAll("[^\\x20-\\x7E]", "?") + "\"";
  }

  private static boolean startsWithMarkup(Reader in) {
    try {
      int c = in.read();
      if (c == '\uFEFF') {
        c = in.read();
      }
      while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        c = in.read();
      }
      return c == '<';
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array never fails to read
    }
  }

  /**
   * The problem with this request body, if any.
   *
   * @param body the body's bytes; only {@code [0, length)} is read
   * @param contentType the request's Content-Type header, or null
   * @param maxElements how many elements the document may have
   * @return a sentence naming the problem, for the SOAP fault
   */
  public static Optional<String> problem(
      byte[] body, int length, String contentType, int maxElements) {
    Optional<String> unsupported = unsupportedEncoding(body, length, contentType);
    if (unsupported.isPresent()) {
      return unsupported;
    }
    for (Charset charset : decodings(body, length, contentType)) {
      Optional<String> problem = scan(reader(body, length, charset), maxElements);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** The charsets the parser could decode this body with. */
  static Set<Charset> decodings(byte[] body, int length, String contentType) {
    Set<Charset> charsets = new LinkedHashSet<>();
    if (contentType != null) {
      charsetOf(contentType).flatMap(XmlRequestCheck::charset).ifPresent(charsets::add);
    }
    Charset detected = detected(body, length);
    charsets.add(detected);
    if (detected == StandardCharsets.UTF_8) {
      // an ASCII-compatible start: the XML declaration may name the real encoding
      declaredEncoding(body, length).flatMap(XmlRequestCheck::charset).ifPresent(charsets::add);
    }
    return charsets;
  }

  private static Optional<String> charsetOf(String contentType) {
    Matcher header = CHARSET.matcher(contentType);
    return header.find() ? Optional.of(header.group(1)) : Optional.empty();
  }

  /** The encoding an ASCII-compatible XML declaration names. */
  private static Optional<String> declaredEncoding(byte[] body, int length) {
    String start =
        new String(body, 0, Math.min(length, 200), StandardCharsets.ISO_8859_1)
            .replaceFirst("^\uFEFF|^\u00EF\u00BB\u00BF", "");
    Matcher declared = DECLARED.matcher(start);
    return declared.find() ? Optional.of(declared.group(1)) : Optional.empty();
  }

  /** XML 1.0 Appendix F: the encoding family the first four bytes show. */
  private static Charset detected(byte[] b, int length) {
    int b0 = length > 0 ? b[0] & 0xFF : -1;
    int b1 = length > 1 ? b[1] & 0xFF : -1;
    int b2 = length > 2 ? b[2] & 0xFF : -1;
    int b3 = length > 3 ? b[3] & 0xFF : -1;
    if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
      return Charset.forName("UTF-32BE");
    }
    if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
      return Charset.forName("UTF-32LE");
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b0 == 0xFF && b1 == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (b0 == 0x00 && b1 == 0x00 && b2 == 0x00 && b3 > 0x00) {
      return Charset.forName("UTF-32BE");
    }
    if (b0 > 0x00 && b1 == 0x00 && b2 == 0x00 && b3 == 0x00) {
      return Charset.forName("UTF-32LE");
    }
    if (b0 == 0x00 && b1 > 0x00) {
      return StandardCharsets.UTF_16BE;
    }
    if (b0 > 0x00 && b1 == 0x00) {
      return StandardCharsets.UTF_16LE;
    }
    return StandardCharsets.UTF_8;
  }

  private static Optional<Charset> charset(String name) {
    try {
      return Optional.of(Charset.forName(name.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) { // an illegal, unsupported or empty name
      return Optional.empty(); // the parser cannot use it either and refuses the request
    }
  }

  private static Reader reader(byte[] body, int length, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new InputStreamReader(new ByteArrayInputStream(body, 0, length), decoder);
  }

  /** The lexer: text, tags, comments, CDATA sections, processing instructions, declarations. */
  static Optional<String> scan(Reader in, int maxElements) {
    Chars chars = new Chars(in);
    int elements = 0;
    int c;
    while ((c = chars.next()) != -1) {
      if (c != '<') {
        continue;
      }
      c = chars.next();
      if (c == '!') {
        if (chars.startsWith("--")) {
          chars.skipPast("-->");
        } else if (chars.startsWith("[CDATA[")) {
          chars.skipPast("]]>");
        } else {
          return Optional.of(declaration(chars.word()));
        }
      } else if (c == '?') {
        chars.skipPast("?>");
      } else if (c == '/') {
        chars.skipPast(">");
      } else if (c != -1) {
        if (++elements > maxElements) {
          return Optional.of(
              "the request has more than "
                  + maxElements
                  + " XML elements, the most this service accepts");
        }
        chars.skipTag();
      }
    }
    return Optional.empty();
  }

  private static String declaration(String keyword) {
    String what =
        keyword.equals("DOCTYPE")
            ? "a DTD (<!DOCTYPE …>)"
            : keyword.isEmpty()
                ? "a markup declaration (<!…>)"
                : "a markup declaration (<!" + keyword + " …>)";
    return "the request contains " + what + ": DTDs and entity declarations are not accepted";
  }

  /** A character source with the few look-aheads the lexer needs. */
  private static final class Chars {
    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;

    Chars(Reader in) {
      this.in = in;
    }

    int next() {
      if (position == limit && !fill()) {
        return -1;
      }
      return buffer[position++];
    }

    private int peek(int ahead) {
      while (limit - position <= ahead) {
        if (!fillKeeping()) {
          return -1;
        }
      }
      return buffer[position + ahead];
    }

    /** Consumes {@code text} if it comes next. */
    boolean startsWith(String text) {
      for (int i = 0; i < text.length(); i++) {
        if (peek(i) != text.charAt(i)) {
          return false;
        }
      }
      position += text.length();
      return true;
    }

    /** The letters that come next (the keyword of a declaration), at most 16. */
    String word() {
      StringBuilder word = new StringBuilder();
      int c;
      while (word.length() < 16 && (c = peek(0)) != -1 && Character.isLetter(c)) {
        word.append((char) c);
        position++;
      }
      return word.toString();
    }

    /** Consumes everything up to and including the next {@code end}. */
    void skipPast(String end) {
      char[] last = new char[end.length()]; // the latest characters, as a ring
      int seen = 0;
      int c;
      while ((c = next()) != -1) {
        last[seen++ % last.length] = (char) c;
        if (seen >= last.length && endsWith(last, seen, end)) {
          return;
        }
      }
    }

    private static boolean endsWith(char[] ring, int seen, String end) {
      for (int i = 0; i < end.length(); i++) {
        if (ring[(seen - end.length() + i) % ring.length] != end.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    /** Skips a start tag; '>' may occur inside a quoted attribute value. */
    void skipTag() {
      int quote = 0;
      int c;
      while ((c = next()) != -1) {
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          return;
        }
      }
    }

    private boolean fill() {
      position = 0;
      limit = 0;
      return fillKeeping();
    }

    /** Reads more characters after those not yet consumed. */
    private boolean fillKeeping() {
      if (position > 0) {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
      }
      try {
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read <= 0) {
          return false;
        }
        limit += read;
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a byte array never fails to read
      }
    }
  }
}
