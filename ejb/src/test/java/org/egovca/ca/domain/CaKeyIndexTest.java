package org.egovca.ca.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The keys of a CA by index: what a rollover changes and what a retired key keeps. */
class CaKeyIndexTest {

  private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

  private static CertificateAuthority ca() {
    return new CertificateAuthority(
        "ca",
        "CN=ca,C=CN",
        null,
        "ca-1",
        "SM2_256",
        BigInteger.TEN,
        NOW,
        NOW.plus(Duration.ofDays(3650)),
        new byte[] {1},
        NOW);
  }

  @Test
  void rolloverMakesTheNewKeyCurrentAndTheRetiredKeyKeepsTheOld() {
    CertificateAuthority ca = ca();
    RetiredCaKey retired = new RetiredCaKey(ca, new byte[] {7}, new byte[] {8}, NOW);
    ca.rollOver("ca-2", BigInteger.TWO, NOW, NOW.plus(Duration.ofDays(3650)), new byte[] {2});

    assertEquals(2, ca.getKeyIndex());
    assertEquals("ca-2", ca.getKeyAlias());
    assertArrayEquals(new byte[] {2}, ca.getEncoded());
    assertEquals(1, retired.getKeyIndex());
    assertEquals("ca-1", retired.getKeyAlias());
    assertArrayEquals(new byte[] {1}, retired.getCertificate());
    assertArrayEquals(new byte[] {7}, retired.getNewWithOld());
    assertArrayEquals(new byte[] {8}, retired.getOldWithNew());
  }

  @Test
  void rolloverNeedsANewKey() {
    CertificateAuthority ca = ca();
    assertThrows(
        IllegalArgumentException.class,
        () -> ca.rollOver("ca-1", BigInteger.TWO, NOW, NOW.plusSeconds(60), new byte[] {2}));
  }

  @Test
  void certificatesAndCrlsRecordTheIndexOfTheKeyThatSignedThem() {
    CertificateAuthority ca = ca();
    ca.rollOver("ca-2", BigInteger.TWO, NOW, NOW.plus(Duration.ofDays(3650)), new byte[] {2});
    IssuedCertificate certificate =
        new IssuedCertificate(
            ca,
            BigInteger.valueOf(0xabcdef),
            "CN=x,C=CN",
            "personal-sign",
            1,
            "SM2_256",
            NOW,
            NOW.plus(Duration.ofDays(365)),
            new byte[32],
            new byte[] {3},
            "test",
            NOW);
    assertEquals(2, certificate.getCaKeyIndex());

    IssuedCrl oldKeyCrl =
        IssuedCrl.complete(ca, 1, 5, NOW, NOW.plusSeconds(3600), 0, new byte[] {4}, "test");
    assertEquals(1, oldKeyCrl.getCaKeyIndex());
    assertThrows(
        IllegalArgumentException.class,
        () -> IssuedCrl.complete(ca, 3, 6, NOW, NOW.plusSeconds(3600), 0, new byte[] {4}, "test"));
  }
}
