package org.egovca.hsm.sharing;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.util.BigIntegers;

/**
 * One key custodian's share of a secret: the point ({@code index}, {@code value}) of the secret's
 * polynomial (see {@link SecretSharing}). The value is as sensitive as a key: keep a share only as
 * long as a ceremony needs it and store it only {@link SealedShare sealed}. {@link #toString()}
 * shows the index alone.
 *
 * <p>The encoding is fixed at {@value #ENCODED_BYTES} bytes: the index as one unsigned byte, then
 * the value as a 66-byte unsigned big-endian integer (66 bytes hold any element of the 521-bit
 * field).
 *
 * @param index the x coordinate, 1 to {@value SecretSharing#MAX_SHARES}; distinct shares of one
 *     split have distinct indices
 * @param value the y coordinate, an element of the field: 0 ≤ value &lt; {@link
 *     SecretSharing#PRIME}
 */
public record Share(int index, BigInteger value) {
  /** The length of {@link #encoded()}. */
  public static final int ENCODED_BYTES = 1 + SecretSharing.ELEMENT_BYTES;

  /** Checks that the point lies in the field and its index in 1..255. */
  public Share {
    if (index < 1 || index > SecretSharing.MAX_SHARES) {
      throw new IllegalArgumentException(
          "a share's index is 1 to " + SecretSharing.MAX_SHARES + ", not " + index);
    }
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.compareTo(SecretSharing.PRIME) >= 0) {
      throw new IllegalArgumentException("share " + index + " holds no element of the field");
    }
  }

  /** The fixed-length encoding: index (1 byte), value (66 bytes, big-endian). */
  public byte[] encoded() {
    byte[] encoded = new byte[ENCODED_BYTES];
    encoded[0] = (byte) index;
    byte[] element = BigIntegers.asUnsignedByteArray(SecretSharing.ELEMENT_BYTES, value);
    System.arraycopy(element, 0, encoded, 1, element.length);
    Arrays.fill(element, (byte) 0);
    return encoded;
  }

  /**
   * Reads a share from its {@link #encoded()} form.
   *
   * @throws IllegalArgumentException if {@code encoded} is not {@value #ENCODED_BYTES} bytes or
   *     holds no valid share
   */
  public static Share decode(byte[] encoded) {
    if (encoded.length != ENCODED_BYTES) {
      throw new IllegalArgumentException(
          "an encoded share has " + ENCODED_BYTES + " bytes, not " + encoded.length);
    }
    return new Share(
        Byte.toUnsignedInt(encoded[0]), new BigInteger(1, encoded, 1, SecretSharing.ELEMENT_BYTES));
  }

  /** Names the share by its index; the value never appears in logs or messages. */
  @Override
  public String toString() {
    return "Share[index=" + index + "]";
  }
}
