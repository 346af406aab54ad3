package org.egovca.ca.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.egovca.ca.x509.SerialNumberGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SerialNumbersTest {

  @Test
  void writesLowerCaseHexWithoutLeadingZeros() {
    assertEquals("1", SerialNumbers.toHex(BigInteger.ONE));
    assertEquals("ff", SerialNumbers.toHex(BigInteger.valueOf(255)));
    assertEquals("100", SerialNumbers.toHex(BigInteger.valueOf(256)));
    assertEquals(
        "7fffffffffffffffffffffffffffffff",
        SerialNumbers.toHex(BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE)));
  }

  @Test
  void hexRoundTripsRandomSerials() {
    for (int i = 0; i < 1000; i++) {
      BigInteger serial = SerialNumberGenerator.next();
      assertEquals(serial, SerialNumbers.fromHex(SerialNumbers.toHex(serial)));
    }
  }

  @Test
  void readsUpperCaseHexToo() {
    assertEquals(BigInteger.valueOf(0xABCDEF), SerialNumbers.fromHex("ABCDEF"));
  }

  @Test
  void twentyOctetSerialRoundTrips() {
    BigInteger serial = BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE);

    assertEquals(40, SerialNumbers.toHex(serial).length());
    assertEquals(serial, SerialNumbers.fromHex(SerialNumbers.toHex(serial)));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void refusesZeroAndNegativeSerials(long value) {
    assertThrows(
        IllegalArgumentException.class, () -> SerialNumbers.toHex(BigInteger.valueOf(value)));
  }
}
