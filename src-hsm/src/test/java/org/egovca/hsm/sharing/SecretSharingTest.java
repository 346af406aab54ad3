package org.egovca.hsm.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretSharingTest {
  private static final BigInteger P = SecretSharing.PRIME;
  private final SecureRandom random = new SecureRandom();

  @Test
  void primeIsTheMersennePrime2To521Minus1() {
    assertEquals(BigInteger.TWO.pow(521).subtract(BigInteger.ONE), P);
    assertTrue(P.isProbablePrime(100));
    assertEquals(66, Share.ENCODED_BYTES - 1, "a field element takes 66 bytes");
  }

  @Test
  void everyThreeOfFiveSharesGiveTheSecret() {
    byte[] secret = SealedTokenPin.newSecret(random);
    List<Share> shares = SecretSharing.split(secret, 5, 3, random);

    List<List<Share>> triples = subsets(shares, 3);
    assertEquals(10, triples.size());
    for (List<Share> triple : triples) {
      assertArrayEquals(secret, SecretSharing.combine(triple, 32), triple.toString());
      List<Share> reversed = new ArrayList<>(triple);
      Collections.reverse(reversed);
      assertArrayEquals(secret, SecretSharing.combine(reversed, 32), "order does not matter");
    }
    for (List<Share> four : subsets(shares, 4)) {
      assertArrayEquals(secret, SecretSharing.combine(four, 32), "more than the threshold works");
    }
    assertArrayEquals(secret, SecretSharing.combine(shares, 32));
  }

  @Test
  void twoOfFiveSharesDoNotGiveTheSecret() {
    byte[] secret = SealedTokenPin.newSecret(random);
    List<Share> shares = SecretSharing.split(secret, 5, 3, random);

    // Two points fix a line, not the parabola: its value at 0 is some other field element, which
    // fits in 32 bytes only with probability 2^-265 and is refused.
    for (List<Share> pair : subsets(shares, 2)) {
      assertThrows(WrongSharesException.class, () -> SecretSharing.combine(pair, 32));
    }
    for (Share one : shares) {
      assertThrows(WrongSharesException.class, () -> SecretSharing.combine(List.of(one), 32));
    }
  }

  @Test
  void sharesOfDifferentSplitsDoNotCombine() {
    byte[] secret = SealedTokenPin.newSecret(random);
    List<Share> first = SecretSharing.split(secret, 5, 3, random);
    List<Share> second = SecretSharing.split(secret, 5, 3, random);

    assertThrows(
        WrongSharesException.class,
        () -> SecretSharing.combine(List.of(first.get(0), first.get(1), second.get(2)), 32));
  }

  @Test
  void interpolatesAPolynomialComputedByHand() {
    // f(x) = 1234 + 5x + 7x^2: f(2) = 1272, f(4) = 1366, f(5) = 1434
    List<Share> shares =
        List.of(
            new Share(2, BigInteger.valueOf(1272)),
            new Share(5, BigInteger.valueOf(1434)),
            new Share(4, BigInteger.valueOf(1366)));

    assertArrayEquals(new byte[] {0x04, (byte) 0xd2}, SecretSharing.combine(shares, 2));
  }

  @Test
  void interpolatesWhenTheValuesWrapAroundThePrime() {
    // f(x) = 9 + (p - 1) x: f(1) = 8, f(2) = 7 (mod p)
    List<Share> shares =
        List.of(new Share(1, BigInteger.valueOf(8)), new Share(2, BigInteger.valueOf(7)));

    assertArrayEquals(new byte[] {9}, SecretSharing.combine(shares, 1));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 16, 32, 64})
  void secretsOfEveryAllowedLengthRoundTrip(int length) {
    byte[] secret = new byte[length];
    random.nextBytes(secret);
    secret[0] = 0; // a leading zero byte is restored from the length
    if (length > 1) {
      secret[length - 1] = (byte) 0xff;
    }
    List<Share> shares = SecretSharing.split(secret, 3, 2, random);

    assertArrayEquals(secret, SecretSharing.combine(shares.subList(1, 3), length));
  }

  @Test
  void allOnesSecretOfMaximumLengthRoundTrips() {
    byte[] secret = new byte[SecretSharing.MAX_SECRET_BYTES];
    Arrays.fill(secret, (byte) 0xff);

    List<Share> shares = SecretSharing.split(secret, 255, 255, random);

    assertArrayEquals(secret, SecretSharing.combine(shares, 64));
  }

  @Test
  void splitNumbersTheSharesFromOneAndDrawsFreshCoefficients() {
    byte[] secret = SealedTokenPin.newSecret(random);
    List<Share> shares = SecretSharing.split(secret, 5, 3, random);
    List<Share> again = SecretSharing.split(secret, 5, 3, random);

    assertEquals(List.of(1, 2, 3, 4, 5), shares.stream().map(Share::index).toList());
    for (int i = 0; i < 5; i++) {
      assertNotEquals(shares.get(i).value(), again.get(i).value());
      assertTrue(shares.get(i).value().compareTo(P) < 0);
    }
  }

  @ParameterizedTest
  @CsvSource({"5,1", "5,0", "2,3", "256,3", "256,256"})
  void refusesImpossibleSharesAndThresholds(int shares, int threshold) {
    byte[] secret = new byte[32];
    assertThrows(
        IllegalArgumentException.class,
        () -> SecretSharing.split(secret, shares, threshold, random));
  }

  @Test
  void refusesEmptyAndOversizedSecrets() {
    assertThrows(
        IllegalArgumentException.class, () -> SecretSharing.split(new byte[0], 5, 3, random));
    assertThrows(
        IllegalArgumentException.class, () -> SecretSharing.split(new byte[65], 5, 3, random));
    List<Share> shares = SecretSharing.split(new byte[32], 5, 3, random);
    assertThrows(IllegalArgumentException.class, () -> SecretSharing.combine(shares, 0));
    assertThrows(IllegalArgumentException.class, () -> SecretSharing.combine(shares, 65));
  }

  @Test
  void combineRefusesNoSharesAndDuplicateIndices() {
    List<Share> shares = SecretSharing.split(SealedTokenPin.newSecret(random), 5, 3, random);

    assertThrows(IllegalArgumentException.class, () -> SecretSharing.combine(List.of(), 32));
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () -> SecretSharing.combine(List.of(shares.get(0), shares.get(1), shares.get(0)), 32));
    assertTrue(twice.getMessage().contains("share 1"), twice.getMessage());
    Share forged = new Share(2, shares.get(3).value());
    assertThrows(
        IllegalArgumentException.class,
        () -> SecretSharing.combine(List.of(shares.get(0), shares.get(1), forged), 32));
  }

  private static List<List<Share>> subsets(List<Share> shares, int size) {
    List<List<Share>> result = new ArrayList<>();
    collect(shares, size, 0, new ArrayList<>(), result);
    return result;
  }

  private static void collect(
      List<Share> shares, int size, int from, List<Share> chosen, List<List<Share>> result) {
    if (chosen.size() == size) {
      result.add(List.copyOf(chosen));
      return;
    }
    for (int i = from; i < shares.size(); i++) {
      chosen.add(shares.get(i));
      collect(shares, size, i + 1, chosen, result);
      chosen.remove(chosen.size() - 1);
    }
  }
}
