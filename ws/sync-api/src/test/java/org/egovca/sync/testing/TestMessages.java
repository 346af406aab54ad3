package org.egovca.sync.testing;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.egovca.sync.BusinessType;
import org.egovca.sync.CanonicalPayload;
import org.egovca.sync.CertificateStatus;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.HolderInfo;
import org.egovca.sync.Recipient;
import org.egovca.sync.SyncSignatureException;
import org.egovca.sync.SyncSignatures;

/** Sync messages about real certificates and CRLs of a {@link TestCa}, and their signatures. */
public final class TestMessages {

  private static final String SUBJECT = "CN=张三,O=某市人民政府,C=CN";

  /** The e-gov system the messages are for, unless a test names another. */
  public static final Recipient RECIPIENT = new Recipient("sync-a", "SYNC-A");

  private TestMessages() {}

  /** A fresh ISSUE message for {@link #RECIPIENT} about a certificate the CA has just issued. */
  public static CertificateSync issued(TestCa ca, String caName) {
    return issued(ca, caName, RECIPIENT);
  }

  /** A fresh ISSUE message for {@code recipient} about a certificate the CA has just issued. */
  public static CertificateSync issued(TestCa ca, String caName, Recipient recipient) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    BigInteger serial = BigInteger.valueOf(now.toEpochMilli()).shiftLeft(16).add(BigInteger.TEN);
    Instant notAfter = now.plus(Duration.ofDays(365));
    return new CertificateSync(
        UUID.randomUUID().toString(),
        recipient,
        BusinessType.ISSUE,
        caName,
        new HolderInfo(SUBJECT, "张三", "某市人民政府", "RESIDENT_ID_CARD", "11010519491231002X"),
        ca.issue(SUBJECT, serial, now, notAfter),
        serial.toString(16),
        CertificateStatus.GOOD,
        now,
        notAfter,
        null,
        null,
        now);
  }

  /** A fresh CRL message for {@link #RECIPIENT} about a CRL the CA has just issued. */
  public static CrlSync crl(TestCa ca, String caName, long crlNumber) {
    return crl(ca, caName, crlNumber, RECIPIENT);
  }

  /** A fresh CRL message for {@code recipient} about a CRL the CA has just issued. */
  public static CrlSync crl(TestCa ca, String caName, long crlNumber, Recipient recipient) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant nextUpdate = now.plus(Duration.ofHours(24));
    return new CrlSync(
        UUID.randomUUID().toString(),
        recipient,
        caName,
        ca.crl(BigInteger.valueOf(crlNumber), now, nextUpdate, BigInteger.valueOf(4711)),
        Long.toString(crlNumber),
        now,
        nextUpdate,
        now);
  }

  /** The signature of {@code ca}'s sync signer, as the CA makes it. */
  public static byte[] sign(CertificateSync message, TestCa ca) {
    return sign(CanonicalPayload.of(message), ca.syncSigner());
  }

  /** The signature of {@code ca}'s sync signer, as the CA makes it. */
  public static byte[] sign(CrlSync message, TestCa ca) {
    return sign(CanonicalPayload.of(message), ca.syncSigner());
  }

  /** A sync signature by {@code signer}, whoever that is. */
  public static byte[] sign(byte[] payload, TestCa.Signer signer) {
    try {
      return SyncSignatures.sign(payload, signer.contentSigner(), signer.certificate());
    } catch (SyncSignatureException e) {
      throw new IllegalStateException(e);
    }
  }
}
