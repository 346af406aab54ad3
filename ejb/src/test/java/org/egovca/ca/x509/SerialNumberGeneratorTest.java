package org.egovca.ca.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SerialNumberGeneratorTest {

  private static final int COUNT = 10_000;

  @Test
  void serialsArePositiveAtLeast64BitsAtMost16OctetsAndDistinct() {
    Set<BigInteger> seen = new HashSet<>();
    for (int i = 0; i < COUNT; i++) {
      BigInteger serial = SerialNumberGenerator.next();
      assertEquals(1, serial.signum(), "positive");
      assertTrue(serial.bitLength() >= 64, "at least 64 bits: " + serial.toString(16));
      assertTrue(serial.toByteArray().length <= 16, "at most 16 DER octets: " + serial);
      seen.add(serial);
    }
    assertEquals(COUNT, seen.size(), "all distinct");
  }

  @Test
  void serialsUseTheFull127BitRange() {
    // With 127 random bits, about half the serials have bit 126 set; none may exceed 127 bits.
    int topBitSet = 0;
    for (int i = 0; i < 1_000; i++) {
      BigInteger serial = SerialNumberGenerator.next();
      assertTrue(serial.bitLength() <= 127);
      if (serial.bitLength() == 127) {
        topBitSet++;
      }
    }
    assertTrue(topBitSet > 350 && topBitSet < 650, "bit 126 set in " + topBitSet + " of 1000");
  }
}
