package org.egovca.ca.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevocationTest {

  private final Instant notBefore = Instant.parse("2026-01-01T00:00:00Z");
  private final Instant notAfter = notBefore.plus(Duration.ofDays(365));

  private IssuedCertificate certificate() {
    return TestCertificates.valid(notBefore, notAfter);
  }

  @Test
  void revocationRecordsTimeReasonAndInitiator() {
    IssuedCertificate certificate = certificate();
    Instant at = notBefore.plus(Duration.ofDays(10));
    certificate.revoke(at, RevocationReason.E_KEY_COMPROMISE, RevocationInitiator.HOLDER);
    assertEquals(CertificateStatus.REVOKED, certificate.getStatus());
    assertEquals(at, certificate.getRevokedAt());
    assertEquals(RevocationReason.E_KEY_COMPROMISE, certificate.getRevocationReason());
    assertEquals(RevocationInitiator.HOLDER, certificate.getRevocationInitiator());
    assertFalse(certificate.isUsableAt(at.plusSeconds(1)));
  }

  @Test
  void aRevokedCertificateCannotBeRevokedAgain() {
    IssuedCertificate certificate = certificate();
    Instant first = notBefore.plus(Duration.ofDays(10));
    certificate.revoke(first, RevocationReason.H_HOLDER_REQUEST, RevocationInitiator.HOLDER);
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                certificate.revoke(
                    first.plusSeconds(60),
                    RevocationReason.E_KEY_COMPROMISE,
                    RevocationInitiator.CA));
    assertTrue(refused.getMessage().contains("already revoked"));
    assertEquals(first, certificate.getRevokedAt());
    assertEquals(RevocationReason.H_HOLDER_REQUEST, certificate.getRevocationReason());
  }

  @Test
  void anExpiredCertificateIsNotRevoked() {
    IssuedCertificate certificate = certificate();
    assertThrows(
        IllegalStateException.class,
        () ->
            certificate.revoke(
                notAfter.plusSeconds(1),
                RevocationReason.E_KEY_COMPROMISE,
                RevocationInitiator.RA));
    assertEquals(CertificateStatus.GOOD, certificate.getStatus());
    assertNull(certificate.getRevokedAt());
  }

  @Test
  void initiatorsAreReadCaseInsensitively() {
    assertEquals(
        RevocationInitiator.JUDICIAL_AUTHORITY,
        RevocationInitiator.parse(" judicial_authority ").orElseThrow());
    assertTrue(RevocationInitiator.parse("neighbour").isEmpty());
    assertTrue(RevocationInitiator.parse(null).isEmpty());
  }

  @Test
  void serialNumbersAreReadAsOpenSslPrintsThem() {
    assertEquals(BigInteger.valueOf(0xabcdef), SerialNumbers.parse("ab:cd:ef"));
    assertEquals(BigInteger.valueOf(0xabcdef), SerialNumbers.parse("0xABCDEF"));
    assertEquals(BigInteger.valueOf(0xabcdef), SerialNumbers.parse(" ab cd ef "));
    assertNull(SerialNumbers.parse("xyz"));
    assertNull(SerialNumbers.parse("0"));
    assertNull(SerialNumbers.parse(""));
    assertNull(SerialNumbers.parse(null));
  }
}
