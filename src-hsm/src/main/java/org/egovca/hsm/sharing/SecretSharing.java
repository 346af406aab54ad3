package org.egovca.hsm.sharing;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.util.BigIntegers;

/**
 * Shamir's secret sharing over the prime field GF(p), p = 2<sup>521</sup> − 1.
 *
 * <p>{@link #split} makes the secret, read as an unsigned big-endian integer, the constant term of
 * a polynomial of degree {@code threshold − 1} whose other coefficients are uniformly random field
 * elements, and hands out its values at x = 1, 2, …, n. Any {@code threshold} of them determine the
 * polynomial and so the secret ({@link #combine}, by Lagrange interpolation at 0); fewer leave
 * every secret equally likely. The shares carry no integrity check: combining too few, or mixed,
 * shares gives a wrong value, which {@link #combine} refuses when it is too large to be a secret
 * and {@link SealedTokenPin#open} refuses in every case.
 *
 * <p>Arithmetic is {@link BigInteger}, which is neither constant-time nor erasable; acceptable for
 * a ceremony that runs a handful of times, not for a hot path.
 */
public final class SecretSharing {
  /**
   * The field's prime, the Mersenne prime 2<sup>521</sup> − 1. Every secret of up to {@value
   * #MAX_SECRET_BYTES} bytes (512 bits) is an element of the field as it stands, so a secret is one
   * polynomial's constant term with no padding or chunking; a Mersenne prime can be checked at a
   * glance and its primality is long established (it is also the field of the NIST P-521 curve), so
   * no reader has to trust a generated constant; and its elements fit a fixed 66-byte encoding.
   */
  public static final BigInteger PRIME = BigInteger.ONE.shiftLeft(521).subtract(BigInteger.ONE);

  /** The longest secret that can be split; the activation secret has 32 bytes. */
  public static final int MAX_SECRET_BYTES = 64;

  /** The most shares one split can make: an index is one byte of a share's encoding. */
  public static final int MAX_SHARES = 255;

  /** The smallest threshold: with 1, every share would be the secret itself. */
  public static final int MIN_THRESHOLD = 2;

  /** Bytes of a field element's fixed encoding: ⌈521 / 8⌉. */
  static final int ELEMENT_BYTES = (PRIME.bitLength() + 7) / 8;

  private SecretSharing() {}

  /**
   * Splits a secret into {@code shares} shares, any {@code threshold} of which give it back.
   *
   * @param secret 1 to {@value #MAX_SECRET_BYTES} bytes; not modified
   * @param shares how many shares to make, {@code threshold} to {@value #MAX_SHARES}
   * @param threshold how many shares {@link #combine} needs, at least {@value #MIN_THRESHOLD}
   * @param random the source of the polynomial's coefficients
   * @return the shares with indices 1 to {@code shares}, in that order (unmodifiable)
   * @throws IllegalArgumentException if a size or count is out of the ranges above
   */
  public static List<Share> split(byte[] secret, int shares, int threshold, SecureRandom random) {
    checkSecretLength(secret.length);
    Objects.requireNonNull(random, "random");
    if (threshold < MIN_THRESHOLD || threshold > shares || shares > MAX_SHARES) {
      throw new IllegalArgumentException(
          "cannot split into "
              + shares
              + " shares with threshold "
              + threshold
              + ": the threshold is "
              + MIN_THRESHOLD
              + " or more, the shares are at least the threshold and at most "
              + MAX_SHARES);
    }
    BigInteger[] coefficients = new BigInteger[threshold];
    coefficients[0] = new BigInteger(1, secret);
    for (int i = 1; i < threshold; i++) {
      coefficients[i] = randomElement(random);
    }
    List<Share> result = new ArrayList<>(shares);
    for (int x = 1; x <= shares; x++) {
      result.add(new Share(x, evaluate(coefficients, BigInteger.valueOf(x))));
    }
    return List.copyOf(result);
  }

  /**
   * Gives back the secret from shares of one split.
   *
   * <p>Whether there are enough shares is the caller's check (the threshold is not part of a
   * share): with fewer than the threshold, or shares of different splits, the result is an
   * unrelated field element, refused here if it is longer than {@code secretLength} bytes, as it
   * almost always is.
   *
   * @param shares shares of one split with distinct indices, in any order
   * @param secretLength the secret's length in bytes, 1 to {@value #MAX_SECRET_BYTES} (leading zero
   *     bytes of the secret are not in the shares)
   * @return the secret, which the caller should overwrite when done
   * @throws IllegalArgumentException if there is no share or two have the same index
   * @throws WrongSharesException if the shares cannot give a secret of {@code secretLength} bytes
   */
  public static byte[] combine(Collection<Share> shares, int secretLength) {
    checkSecretLength(secretLength);
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("no share to combine");
    }
    Set<Integer> indices = new HashSet<>();
    for (Share share : shares) {
      if (!indices.add(share.index())) {
        throw new IllegalArgumentException("share " + share.index() + " is given twice");
      }
    }
    BigInteger secret = BigInteger.ZERO;
    for (Share share : shares) {
      secret = secret.add(share.value().multiply(lagrangeAtZero(share, shares))).mod(PRIME);
    }
    if (secret.bitLength() > 8 * secretLength) {
      throw new WrongSharesException(
          "the "
              + shares.size()
              + " shares do not give a secret: too few, from different distributions, or altered");
    }
    return BigIntegers.asUnsignedByteArray(secretLength, secret);
  }

  /** The Lagrange basis polynomial of {@code share}'s index over all indices, at x = 0. */
  private static BigInteger lagrangeAtZero(Share share, Collection<Share> shares) {
    BigInteger xi = BigInteger.valueOf(share.index());
    BigInteger numerator = BigInteger.ONE;
    BigInteger denominator = BigInteger.ONE;
    for (Share other : shares) {
      if (other.index() != share.index()) {
        BigInteger xj = BigInteger.valueOf(other.index());
        numerator = numerator.multiply(xj).mod(PRIME);
        denominator = denominator.multiply(xj.subtract(xi)).mod(PRIME);
      }
    }
    // Distinct indices below p make every factor of the denominator non-zero, so it is invertible.
    return numerator.multiply(denominator.modInverse(PRIME)).mod(PRIME);
  }

  /** Horner's rule: the polynomial with these coefficients (constant term first) at {@code x}. */
  private static BigInteger evaluate(BigInteger[] coefficients, BigInteger x) {
    BigInteger y = BigInteger.ZERO;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      y = y.multiply(x).add(coefficients[i]).mod(PRIME);
    }
    return y;
  }

  /**
   * A uniformly random field element: 521 random bits, drawn again if they happen to be p itself
   * (once in 2<sup>521</sup>), so that every element is equally likely.
   */
  private static BigInteger randomElement(SecureRandom random) {
    BigInteger candidate;
    do {
      candidate = new BigInteger(PRIME.bitLength(), random);
    } while (candidate.compareTo(PRIME) >= 0);
    return candidate;
  }

  private static void checkSecretLength(int length) {
    if (length < 1 || length > MAX_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "a secret to share has 1 to " + MAX_SECRET_BYTES + " bytes, not " + length);
    }
  }
}
