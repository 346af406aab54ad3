package org.egovca.ca.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IssuedCertificateTest {

  private static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant NOT_AFTER = Instant.parse("2026-01-01T00:00:00Z");
  private static final byte[] FINGERPRINT = new byte[32];

  private static final CertificateAuthority ISSUER =
      new CertificateAuthority(
          "Issuing",
          "CN=Issuing,C=CN",
          null,
          "issuing-1",
          "SM2_256",
          BigInteger.valueOf(0x1234),
          Instant.parse("2024-01-01T00:00:00Z"),
          Instant.parse("2034-01-01T00:00:00Z"),
          new byte[] {1},
          Instant.parse("2024-01-01T00:00:00Z"));

  private static IssuedCertificate certificate(BigInteger serial) {
    return new IssuedCertificate(
        ISSUER,
        serial,
        "CN=Zhang San,C=CN",
        "personal-sign",
        1,
        "SM2_256",
        NOT_BEFORE,
        NOT_AFTER,
        FINGERPRINT,
        new byte[] {0x30, 0x00},
        "ra-1",
        NOT_BEFORE);
  }

  @Test
  void isNotUsableBeforeItsValidity() {
    assertFalse(certificate(BigInteger.TEN).isUsableAt(NOT_BEFORE.minusSeconds(1)));
  }

  @Test
  void isUsableInsideItsValidityIncludingBothEnds() {
    IssuedCertificate certificate = certificate(BigInteger.TEN);

    assertTrue(certificate.isUsableAt(NOT_BEFORE));
    assertTrue(certificate.isUsableAt(NOT_BEFORE.plus(Duration.ofDays(100))));
    assertTrue(certificate.isUsableAt(NOT_AFTER));
  }

  @Test
  void isNotUsableAfterItsValidity() {
    assertFalse(certificate(BigInteger.TEN).isUsableAt(NOT_AFTER.plusSeconds(1)));
  }

  @Test
  void newCertificateIsGood() {
    assertEquals(CertificateStatus.GOOD, certificate(BigInteger.TEN).getStatus());
  }

  @Test
  void isExpiredPastItsValidityWhileItsRecordStaysGood() {
    IssuedCertificate certificate = certificate(BigInteger.TEN);

    assertEquals(CertificateStatus.GOOD, certificate.statusAt(NOT_AFTER));
    assertEquals(CertificateStatus.EXPIRED, certificate.statusAt(NOT_AFTER.plusSeconds(1)));
    assertEquals(CertificateStatus.GOOD, certificate.getStatus());
  }

  @Test
  void aRevokedCertificateStaysRevokedPastItsValidity() {
    IssuedCertificate certificate = certificate(BigInteger.TEN);
    certificate.revoke(NOT_BEFORE, RevocationReason.SUPERSEDED, RevocationInitiator.CA);

    assertEquals(CertificateStatus.REVOKED, certificate.statusAt(NOT_AFTER.plusSeconds(1)));
  }

  @Test
  void storesSerialAsHexAndFingerprintAsLowerCaseHex() {
    BigInteger serial = new BigInteger("00ABCDEF0123456789", 16);
    byte[] fingerprint = new byte[32];
    fingerprint[0] = (byte) 0xAB;

    IssuedCertificate certificate =
        new IssuedCertificate(
            ISSUER,
            serial,
            "CN=x",
            "personal-sign",
            1,
            "SM2_256",
            NOT_BEFORE,
            NOT_AFTER,
            fingerprint,
            new byte[] {1},
            "ra",
            NOT_BEFORE);

    assertEquals("abcdef0123456789", certificate.getSerialNumberHex());
    assertEquals(serial, certificate.getSerialNumber());
    assertEquals("ab" + "00".repeat(31), certificate.getFingerprintSha256());
  }

  @Test
  void encodingIsCopiedInAndOut() {
    byte[] encoded = {0x30, 0x00};
    IssuedCertificate certificate =
        new IssuedCertificate(
            ISSUER,
            BigInteger.ONE,
            "CN=x",
            "personal-sign",
            1,
            "SM2_256",
            NOT_BEFORE,
            NOT_AFTER,
            FINGERPRINT,
            encoded,
            "ra",
            NOT_BEFORE);
    encoded[0] = 0;

    assertArrayEquals(new byte[] {0x30, 0x00}, certificate.getEncoded());
    assertNotSame(certificate.getEncoded(), certificate.getEncoded());
  }

  @Test
  void refusesNonPositiveSerial() {
    assertThrows(IllegalArgumentException.class, () -> certificate(BigInteger.ZERO));
  }
}
