package org.egovca.hsm.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShareTest {

  @Test
  void encodingIsTheIndexByteThenTheValueIn66Bytes() {
    Share share = new Share(5, BigInteger.valueOf(0x0102));

    byte[] encoded = share.encoded();

    byte[] expected = new byte[67];
    expected[0] = 5;
    expected[65] = 0x01;
    expected[66] = 0x02;
    assertArrayEquals(expected, encoded);
    assertEquals(share, Share.decode(encoded));
  }

  @Test
  void encodingRoundTripsEveryShareOfASplit() {
    SecureRandom random = new SecureRandom();
    for (Share share : SecretSharing.split(SealedTokenPin.newSecret(random), 255, 3, random)) {
      byte[] encoded = share.encoded();
      assertEquals(Share.ENCODED_BYTES, encoded.length);
      assertEquals(share, Share.decode(encoded));
    }
    Share largest = new Share(255, SecretSharing.PRIME.subtract(BigInteger.ONE));
    assertEquals(largest, Share.decode(largest.encoded()));
  }

  @Test
  void decodeRefusesWrongLengthsIndexZeroAndValuesOutsideTheField() {
    byte[] encoded = new Share(1, BigInteger.TEN).encoded();

    assertThrows(IllegalArgumentException.class, () -> Share.decode(new byte[66]));
    assertThrows(IllegalArgumentException.class, () -> Share.decode(new byte[68]));
    byte[] indexZero = encoded.clone();
    indexZero[0] = 0;
    assertThrows(IllegalArgumentException.class, () -> Share.decode(indexZero));
    byte[] allOnes = new byte[67];
    Arrays.fill(allOnes, (byte) 0xff); // index 255, value 2^528 - 1 > p
    assertThrows(IllegalArgumentException.class, () -> Share.decode(allOnes));
    assertThrows(IllegalArgumentException.class, () -> new Share(1, SecretSharing.PRIME)); // p ≡ 0
    assertThrows(IllegalArgumentException.class, () -> new Share(1, BigInteger.ONE.negate()));
    assertThrows(IllegalArgumentException.class, () -> new Share(256, BigInteger.ONE));
  }

  @Test
  void toStringShowsTheIndexButNotTheValue() {
    BigInteger value = new BigInteger("123456789123456789");

    String shown = new Share(4, value).toString();

    assertEquals("Share[index=4]", shown);
    assertFalse(shown.contains(value.toString()));
  }
}
