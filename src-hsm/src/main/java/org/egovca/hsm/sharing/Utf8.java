package org.egovca.hsm.sharing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.util.Arrays;

/**
 * UTF-8 for PINs held in {@code char[]}: unlike {@code new String(pin).getBytes(UTF_8)}, it makes
 * no {@code String} (which cannot be erased) and leaves exactly one buffer, which the caller
 * overwrites when done.
 */
final class Utf8 {
  private Utf8() {}

  /**
   * The UTF-8 bytes of {@code chars}.
   *
   * @throws IllegalArgumentException if {@code chars} is not valid UTF-16 (a lone surrogate); the
   *     message does not quote it
   */
  static byte[] encode(char[] chars) {
    // At most 3 bytes per UTF-16 unit (a surrogate pair of 2 units makes 4 bytes).
    ByteBuffer out = ByteBuffer.allocate(3 * chars.length);
    try {
      check(UTF_8.newEncoder().encode(CharBuffer.wrap(chars), out, true));
      return Arrays.copyOf(out.array(), out.position());
    } finally {
      Arrays.fill(out.array(), (byte) 0);
    }
  }

  /**
   * The characters UTF-8 {@code bytes} encode.
   *
   * @throws IllegalArgumentException if {@code bytes} is not valid UTF-8
   */
  static char[] decode(byte[] bytes) {
    // At most one UTF-16 unit per byte.
    CharBuffer out = CharBuffer.allocate(bytes.length);
    try {
      check(UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes), out, true));
      return Arrays.copyOf(out.array(), out.position());
    } finally {
      Arrays.fill(out.array(), '\0');
    }
  }

  private static void check(CoderResult result) {
    if (result.isError()) {
      try {
        result.throwException();
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("not valid Unicode text", e);
      }
    }
  }
}
