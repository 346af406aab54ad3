package org.egovca.sync.testing;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.egovca.sync.BusinessType;
import org.egovca.sync.CanonicalPayload;
import org.egovca.sync.CertificateState;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.HolderInfo;
import org.egovca.sync.SyncSignatureException;
import org.egovca.sync.SyncSignatures;

/** Sync messages about real certificates and CRLs of a {@link TestCa}, and their signatures. */
public final class TestMessages {

  private static final String SUBJECT = "CN=张三,O=某市人民政府,C=CN";

  private TestMessages() {}

  /** A fresh ISSUE message for a certificate the CA has just issued. */
  public static CertificateSync issued(TestCa ca, String caIdentifier) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    BigInteger serial = BigInteger.valueOf(now.toEpochMilli()).shiftLeft(16).add(BigInteger.TEN);
    Instant notAfter = now.plus(Duration.ofDays(365));
    return new CertificateSync(
        UUID.randomUUID().toString(),
        BusinessType.ISSUE,
        caIdentifier,
        new HolderInfo(SUBJECT, "张三", "某市人民政府", "RESIDENT_ID_CARD", "11010519491231002X"),
        ca.issue(SUBJECT, serial, now, notAfter),
        serial.toString(16),
        CertificateState.GOOD,
        now,
        notAfter,
        null,
        null,
        now);
  }

  /** A fresh CRL message for a CRL the CA has just issued. */
  public static CrlSync crl(TestCa ca, String caIdentifier, long crlNumber) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant nextUpdate = now.plus(Duration.ofHours(24));
    return new CrlSync(
        UUID.randomUUID().toString(),
        caIdentifier,
        ca.crl(BigInteger.valueOf(crlNumber), now, nextUpdate, BigInteger.valueOf(4711)),
        Long.toString(crlNumber),
        now,
        nextUpdate,
        now);
  }

  public static byte[] sign(CertificateSync message, TestCa ca) {
    return sign(CanonicalPayload.of(message), ca);
  }

  public static byte[] sign(CrlSync message, TestCa ca) {
    return sign(CanonicalPayload.of(message), ca);
  }

  private static byte[] sign(byte[] payload, TestCa ca) {
    try {
      return SyncSignatures.sign(payload, ca.signer(), ca.certificate());
    } catch (SyncSignatureException e) {
      throw new IllegalStateException(e);
    }
  }
}
