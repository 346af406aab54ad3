package org.egovca.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificateSyncTest {

  private static final String ID = "0f8e3a52-9d1c-4b7e-a6f0-2c5d8e1b4a93";
  private static final Recipient RECIPIENT = new Recipient("sync-a", "SYNC-A");
  private static final HolderInfo HOLDER = new HolderInfo("CN=a", "a", null, null, null);
  private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

  private static CertificateSync message(
      String messageId,
      BusinessType type,
      String serial,
      CertificateStatus status,
      Instant revokedAt,
      String reason) {
    return new CertificateSync(
        messageId,
        RECIPIENT,
        type,
        "iFutureCA",
        HOLDER,
        new byte[] {1},
        serial,
        status,
        T,
        T.plusSeconds(60),
        revokedAt,
        reason,
        T);
  }

  private static String refusal(Runnable construction) {
    return assertThrows(IllegalArgumentException.class, construction::run).getMessage();
  }

  @Test
  void identifiersHaveOneSpellingOnly() {
    assertEquals(
        "messageId must match [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        refusal(
            () ->
                message(
                    ID.toUpperCase(),
                    BusinessType.ISSUE,
                    "1f",
                    CertificateStatus.GOOD,
                    null,
                    null)));
    assertEquals(
        "serialNumber must match 0|[1-9a-f][0-9a-f]{0,39}",
        refusal(() -> message(ID, BusinessType.ISSUE, "01f", CertificateStatus.GOOD, null, null)));
    refusal(() -> message(ID, BusinessType.ISSUE, "1F", CertificateStatus.GOOD, null, null));
    refusal(
        () -> new CrlSync(ID, RECIPIENT, "../etc", new byte[] {1}, "1", T, T.plusSeconds(1), T));
    refusal(
        () ->
            new CrlSync(ID, RECIPIENT, "iFutureCA", new byte[] {1}, "007", T, T.plusSeconds(1), T));
  }

  @Test
  void revocationFieldsGoWithStatusRevoked() {
    assertEquals(
        "businessType REVOKE needs status REVOKED",
        refusal(() -> message(ID, BusinessType.REVOKE, "1", CertificateStatus.GOOD, null, null)));
    assertEquals(
        "revokedAt is present exactly when status is REVOKED",
        refusal(
            () -> message(ID, BusinessType.REVOKE, "1", CertificateStatus.REVOKED, null, null)));
    refusal(() -> message(ID, BusinessType.RENEW, "1", CertificateStatus.GOOD, T, null));
    assertEquals(
        "revocationReason must be an RFC 5280 CRLReason name such as keyCompromise",
        refusal(
            () ->
                message(
                    ID, BusinessType.REVOKE, "1", CertificateStatus.REVOKED, T, "KEY_COMPROMISE")));
    assertNull(
        message(ID, BusinessType.REVOKE, "1", CertificateStatus.REVOKED, T, "").revocationReason());
  }

  @Test
  void crlIsNotACertificateBusinessType() {
    assertEquals(
        "businessType CRL is for CRL sync messages",
        refusal(() -> message(ID, BusinessType.CRL, "1", CertificateStatus.GOOD, null, null)));
  }

  @Test
  void missingFieldsAreNamed() {
    assertEquals(
        "syncTime is missing",
        refusal(() -> new CrlSync(ID, RECIPIENT, "iFutureCA", new byte[] {1}, "1", T, T, null)));
    assertEquals(
        "crl is empty",
        refusal(() -> new CrlSync(ID, RECIPIENT, "iFutureCA", new byte[0], "1", T, T, T)));
    assertEquals(
        "holder.identifierType and holder.identifierValue go together",
        refusal(() -> new HolderInfo("CN=a", "a", null, "PASSPORT", null)));
  }

  @Test
  void binaryContentIsCopied() {
    byte[] der = {1, 2, 3};
    CrlSync message = new CrlSync(ID, RECIPIENT, "iFutureCA", der, "1", T, T, T);
    der[0] = 9;
    message.crl()[1] = 9;
    assertEquals(1, message.crl()[0]);
    assertEquals(2, message.crl()[1]);
  }

  @Test
  void crlReasonsByCodeAndName() {
    assertEquals("keyCompromise", CrlReason.ofCode(1).rfc5280Name());
    assertEquals(CrlReason.REMOVE_FROM_CRL, CrlReason.ofName("removeFromCRL").orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> CrlReason.ofCode(7));
  }
}
