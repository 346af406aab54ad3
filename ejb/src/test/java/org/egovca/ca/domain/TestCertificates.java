package org.egovca.ca.domain;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/** Issued-certificate records for domain tests, without any cryptography. */
final class TestCertificates {

  private TestCertificates() {}

  /** A GOOD personal-sign certificate of a CA that outlives it by ten years. */
  static IssuedCertificate valid(Instant notBefore, Instant notAfter) {
    CertificateAuthority ca =
        new CertificateAuthority(
            "ca",
            "CN=ca,C=CN",
            null,
            "alias",
            "SM2_256",
            BigInteger.TEN,
            notBefore,
            notAfter.plus(Duration.ofDays(3650)),
            new byte[] {1},
            notBefore);
    return new IssuedCertificate(
        ca,
        BigInteger.valueOf(0xabcdef),
        "CN=x,C=CN",
        "personal-sign",
        1,
        "SM2_256",
        notBefore,
        notAfter,
        new byte[32],
        new byte[] {2},
        "test",
        notBefore);
  }
}
