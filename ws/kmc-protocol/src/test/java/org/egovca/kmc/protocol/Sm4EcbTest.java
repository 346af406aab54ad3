package org.egovca.kmc.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

class Sm4EcbTest {

  /** GB/T 32907-2016 Appendix A, example 1; also what {@code openssl enc -sm4-ecb -nopad} gives. */
  @Test
  void knownAnswer() {
    byte[] key = Hex.decode("0123456789abcdeffedcba9876543210");
    byte[] ciphertext = Hex.decode("681edf34d206965e86b3e94f536e4246");

    assertArrayEquals(ciphertext, Sm4Ecb.encrypt(key, key));
    assertArrayEquals(key, Sm4Ecb.decrypt(key, ciphertext));
  }

  @Test
  void blocksAreIndependent() {
    byte[] key = Hex.decode("0123456789abcdeffedcba9876543210");
    byte[] twoBlocks =
        Hex.decode("0123456789abcdeffedcba98765432100123456789abcdeffedcba9876543210");

    assertArrayEquals(
        Hex.decode("681edf34d206965e86b3e94f536e4246681edf34d206965e86b3e94f536e4246"),
        Sm4Ecb.encrypt(key, twoBlocks));
  }

  @Test
  void refusesPartialBlocksAndWrongKeyLengths() {
    assertThrows(IllegalArgumentException.class, () -> Sm4Ecb.encrypt(new byte[16], new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> Sm4Ecb.encrypt(new byte[16], new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> Sm4Ecb.encrypt(new byte[15], new byte[16]));
  }
}
