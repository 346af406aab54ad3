package org.egovca.sync;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPayloadTest {

  private static final String ID = "0f8e3a52-9d1c-4b7e-a6f0-2c5d8e1b4a93";
  private static final Recipient RECIPIENT = new Recipient("population-registry", "GA-0101");
  private static final byte[] CERTIFICATE = {0x30, 0x03, 0x02, 0x01, 0x05};
  private static final Instant NOT_BEFORE = Instant.parse("2025-03-01T08:00:00Z");
  private static final Instant NOT_AFTER = Instant.parse("2026-03-01T07:59:59Z");
  private static final Instant REVOKED_AT = Instant.parse("2025-06-30T02:15:00Z");
  private static final Instant SYNC_TIME = Instant.parse("2025-06-30T02:15:07Z");
  private static final HolderInfo HOLDER =
      new HolderInfo(
          "CN=张三,O=某市人民政府,C=CN", "张三", "某市人民政府", "RESIDENT_ID_CARD", "11010519491231002X");

  private static CertificateSync revocation() {
    return new CertificateSync(
        ID,
        RECIPIENT,
        BusinessType.REVOKE,
        "iFutureCA",
        HOLDER,
        CERTIFICATE,
        "1a2b3c",
        CertificateStatus.REVOKED,
        NOT_BEFORE,
        NOT_AFTER,
        REVOKED_AT,
        "keyCompromise",
        SYNC_TIME);
  }

  @Test
  void certificatePayloadIsTheDocumentedLinesInUtf8() {
    String expected =
        """
        format=urn:egovca:sync:2
        operation=syncCertificate
        messageId=0f8e3a52-9d1c-4b7e-a6f0-2c5d8e1b4a93
        recipient.system=population-registry
        recipient.applicationUnit=GA-0101
        businessType=REVOKE
        caName=iFutureCA
        holder.subjectDn=CN=张三,O=某市人民政府,C=CN
        holder.commonName=张三
        holder.organisation=某市人民政府
        holder.identifierType=RESIDENT_ID_CARD
        holder.identifierValue=11010519491231002X
        serialNumber=1a2b3c
        status=REVOKED
        notBefore=2025-03-01T08:00:00Z
        notAfter=2026-03-01T07:59:59Z
        revokedAt=2025-06-30T02:15:00Z
        revocationReason=keyCompromise
        syncTime=2025-06-30T02:15:07Z
        certificate=MAMCAQU=
        """;
    assertArrayEquals(expected.getBytes(UTF_8), CanonicalPayload.of(revocation()));
  }

  @Test
  void crlPayloadIsTheDocumentedLines() {
    CrlSync crl =
        new CrlSync(
            ID,
            RECIPIENT,
            "iFutureCA-RSA",
            new byte[] {0x30, 0x00},
            "42",
            Instant.parse("2025-06-30T00:00:00Z"),
            Instant.parse("2025-07-01T00:00:00Z"),
            SYNC_TIME);
    String expected =
        """
        format=urn:egovca:sync:2
        operation=syncCrl
        messageId=0f8e3a52-9d1c-4b7e-a6f0-2c5d8e1b4a93
        recipient.system=population-registry
        recipient.applicationUnit=GA-0101
        businessType=CRL
        caName=iFutureCA-RSA
        crlNumber=42
        thisUpdate=2025-06-30T00:00:00Z
        nextUpdate=2025-07-01T00:00:00Z
        syncTime=2025-06-30T02:15:07Z
        crl=MAA=
        """;
    assertArrayEquals(expected.getBytes(UTF_8), CanonicalPayload.of(crl));
  }

  @Test
  void absentOptionalFieldsHaveEmptyValues() {
    CertificateSync issued =
        new CertificateSync(
            ID,
            RECIPIENT,
            BusinessType.ISSUE,
            "iFutureCA",
            new HolderInfo("CN=server01", "server01", null, null, null),
            CERTIFICATE,
            "0",
            CertificateStatus.GOOD,
            NOT_BEFORE,
            NOT_AFTER,
            null,
            null,
            SYNC_TIME);
    String payload = new String(CanonicalPayload.of(issued), UTF_8);
    assertTrue(
        payload.contains("holder.organisation=\nholder.identifierType=\nholder.identifierValue=\n"),
        payload);
    assertTrue(payload.contains("revokedAt=\nrevocationReason=\n"), payload);
  }

  @Test
  void everyFieldChangesTheBytes() {
    CertificateSync base = revocation();
    List<CertificateSync> variants =
        List.of(
            with(base, "messageId", "1f8e3a52-9d1c-4b7e-a6f0-2c5d8e1b4a93"),
            new CertificateSync(
                ID,
                RECIPIENT,
                BusinessType.ISSUE,
                "iFutureCA",
                HOLDER,
                CERTIFICATE,
                "1a2b3c",
                CertificateStatus.REVOKED,
                NOT_BEFORE,
                NOT_AFTER,
                REVOKED_AT,
                "keyCompromise",
                SYNC_TIME),
            with(base, "caName", "iFutureCA-RSA"),
            withHolder(
                base,
                new HolderInfo("CN=李四", "张三", "某市人民政府", "RESIDENT_ID_CARD", "11010519491231002X")),
            withHolder(
                base,
                new HolderInfo(
                    HOLDER.subjectDn(), "李四", "某市人民政府", "RESIDENT_ID_CARD", "11010519491231002X")),
            withHolder(
                base,
                new HolderInfo(
                    HOLDER.subjectDn(), "张三", null, "RESIDENT_ID_CARD", "11010519491231002X")),
            withHolder(
                base,
                new HolderInfo(
                    HOLDER.subjectDn(), "张三", "某市人民政府", "PASSPORT", "11010519491231002X")),
            withHolder(
                base,
                new HolderInfo(
                    HOLDER.subjectDn(), "张三", "某市人民政府", "RESIDENT_ID_CARD", "110105194912310030")),
            new CertificateSync(
                ID,
                RECIPIENT,
                BusinessType.REVOKE,
                "iFutureCA",
                HOLDER,
                new byte[] {0x30, 0x03, 0x02, 0x01, 0x06},
                "1a2b3c",
                CertificateStatus.REVOKED,
                NOT_BEFORE,
                NOT_AFTER,
                REVOKED_AT,
                "keyCompromise",
                SYNC_TIME),
            with(base, "serialNumber", "1a2b3d"),
            withTimes(base, NOT_BEFORE.plusSeconds(1), NOT_AFTER, REVOKED_AT, SYNC_TIME),
            withTimes(base, NOT_BEFORE, NOT_AFTER.plusSeconds(1), REVOKED_AT, SYNC_TIME),
            withTimes(base, NOT_BEFORE, NOT_AFTER, REVOKED_AT.plusSeconds(1), SYNC_TIME),
            withTimes(base, NOT_BEFORE, NOT_AFTER, REVOKED_AT, SYNC_TIME.plusSeconds(1)),
            with(base, "revocationReason", "superseded"),
            with(base, "revocationReason", null));
    List<CertificateSync> allVariants = new ArrayList<>(variants);
    allVariants.add(withRecipient(base, new Recipient("tax-office", RECIPIENT.applicationUnit())));
    allVariants.add(withRecipient(base, new Recipient(RECIPIENT.system(), "GA-0102")));
    Set<String> payloads = new HashSet<>();
    payloads.add(new String(CanonicalPayload.of(base), UTF_8));
    for (CertificateSync variant : allVariants) {
      assertTrue(
          payloads.add(new String(CanonicalPayload.of(variant), UTF_8)),
          "same payload as another message: " + variant);
    }
    CertificateSync good =
        new CertificateSync(
            ID,
            RECIPIENT,
            BusinessType.RENEW,
            "iFutureCA",
            HOLDER,
            CERTIFICATE,
            "1a2b3c",
            CertificateStatus.GOOD,
            NOT_BEFORE,
            NOT_AFTER,
            null,
            null,
            SYNC_TIME);
    CertificateSync expired =
        new CertificateSync(
            ID,
            RECIPIENT,
            BusinessType.RENEW,
            "iFutureCA",
            HOLDER,
            CERTIFICATE,
            "1a2b3c",
            CertificateStatus.EXPIRED,
            NOT_BEFORE,
            NOT_AFTER,
            null,
            null,
            SYNC_TIME);
    assertNotEquals(
        new String(CanonicalPayload.of(good), UTF_8),
        new String(CanonicalPayload.of(expired), UTF_8));
  }

  @Test
  void everyCrlFieldChangesTheBytes() {
    Instant thisUpdate = Instant.parse("2025-06-30T00:00:00Z");
    Instant nextUpdate = Instant.parse("2025-07-01T00:00:00Z");
    byte[] crl = {0x30, 0x00};
    List<CrlSync> messages =
        List.of(
            new CrlSync(ID, RECIPIENT, "iFutureCA", crl, "42", thisUpdate, nextUpdate, SYNC_TIME),
            new CrlSync(
                "1f8e3a52-9d1c-4b7e-a6f0-2c5d8e1b4a93",
                RECIPIENT,
                "iFutureCA",
                crl,
                "42",
                thisUpdate,
                nextUpdate,
                SYNC_TIME),
            new CrlSync(
                ID, RECIPIENT, "iFutureCA-RSA", crl, "42", thisUpdate, nextUpdate, SYNC_TIME),
            new CrlSync(
                ID,
                new Recipient("tax-office", "GA-0101"),
                "iFutureCA",
                crl,
                "42",
                thisUpdate,
                nextUpdate,
                SYNC_TIME),
            new CrlSync(
                ID,
                new Recipient("population-registry", "GA-0102"),
                "iFutureCA",
                crl,
                "42",
                thisUpdate,
                nextUpdate,
                SYNC_TIME),
            new CrlSync(
                ID,
                RECIPIENT,
                "iFutureCA",
                new byte[] {0x30, 0x01},
                "42",
                thisUpdate,
                nextUpdate,
                SYNC_TIME),
            new CrlSync(ID, RECIPIENT, "iFutureCA", crl, "43", thisUpdate, nextUpdate, SYNC_TIME),
            new CrlSync(
                ID,
                RECIPIENT,
                "iFutureCA",
                crl,
                "42",
                thisUpdate.plusSeconds(1),
                nextUpdate,
                SYNC_TIME),
            new CrlSync(
                ID,
                RECIPIENT,
                "iFutureCA",
                crl,
                "42",
                thisUpdate,
                nextUpdate.plusSeconds(1),
                SYNC_TIME),
            new CrlSync(
                ID,
                RECIPIENT,
                "iFutureCA",
                crl,
                "42",
                thisUpdate,
                nextUpdate,
                SYNC_TIME.plusSeconds(1)));
    Set<String> payloads = new HashSet<>();
    for (CrlSync message : messages) {
      assertTrue(payloads.add(new String(CanonicalPayload.of(message), UTF_8)), message.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a\nb", "a\rb", "a\u0000b", "tab\there", "del\u007f", "nel\u0085", "\ud800"})
  void textWithControlCharactersOrLoneSurrogatesIsRefused(String text) {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> new HolderInfo("CN=x", text, null, null, null));
    assertTrue(refused.getMessage().startsWith("holder.commonName"), refused.getMessage());
  }

  @Test
  void equalsSignsAndSupplementaryCharactersAreText() {
    HolderInfo holder = new HolderInfo("CN=a=b+OU=c", "𠀀 a=b", null, null, null);
    CertificateSync message = withHolder(revocation(), holder);
    String payload = new String(CanonicalPayload.of(message), UTF_8);
    assertTrue(payload.contains("\nholder.commonName=𠀀 a=b\n"), payload);
  }

  @Test
  void emptyAndAbsentOptionalTextAreTheSame() {
    assertEquals(
        new HolderInfo("CN=x", "x", null, null, null), new HolderInfo("CN=x", "x", "", "", ""));
  }

  @Test
  void instantsAreCutToWholeSeconds() {
    CertificateSync message =
        withTimes(
            revocation(),
            NOT_BEFORE.plusMillis(999),
            NOT_AFTER,
            REVOKED_AT.plusNanos(1),
            SYNC_TIME.plusMillis(500));
    assertEquals(NOT_BEFORE, message.notBefore());
    assertArrayEquals(CanonicalPayload.of(revocation()), CanonicalPayload.of(message));
  }

  private static CertificateSync with(CertificateSync m, String field, String value) {
    return new CertificateSync(
        field.equals("messageId") ? value : m.messageId(),
        m.recipient(),
        m.businessType(),
        field.equals("caName") ? value : m.caName(),
        m.holder(),
        m.certificate(),
        field.equals("serialNumber") ? value : m.serialNumber(),
        m.status(),
        m.notBefore(),
        m.notAfter(),
        m.revokedAt(),
        field.equals("revocationReason") ? value : m.revocationReason(),
        m.syncTime());
  }

  private static CertificateSync withRecipient(CertificateSync m, Recipient recipient) {
    return new CertificateSync(
        m.messageId(),
        recipient,
        m.businessType(),
        m.caName(),
        m.holder(),
        m.certificate(),
        m.serialNumber(),
        m.status(),
        m.notBefore(),
        m.notAfter(),
        m.revokedAt(),
        m.revocationReason(),
        m.syncTime());
  }

  @Test
  void aRecipientNamesARegisteredSystemAndUnit() {
    assertEquals(
        "recipient.system must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}",
        assertThrows(IllegalArgumentException.class, () -> new Recipient("../x", "GA-0101"))
            .getMessage());
    assertEquals(
        "recipient.applicationUnit is missing",
        assertThrows(IllegalArgumentException.class, () -> new Recipient("tax", null))
            .getMessage());
    assertEquals(
        "recipient is missing",
        assertThrows(IllegalArgumentException.class, () -> withRecipient(revocation(), null))
            .getMessage());
  }

  @Test
  void theDigestAReceiptNamesIsSha256OfThePayloadInHex() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        CanonicalPayload.sha256(new byte[0]));
    assertEquals(64, CanonicalPayload.sha256(CanonicalPayload.of(revocation())).length());
  }

  private static CertificateSync withHolder(CertificateSync m, HolderInfo holder) {
    return new CertificateSync(
        m.messageId(),
        m.recipient(),
        m.businessType(),
        m.caName(),
        holder,
        m.certificate(),
        m.serialNumber(),
        m.status(),
        m.notBefore(),
        m.notAfter(),
        m.revokedAt(),
        m.revocationReason(),
        m.syncTime());
  }

  private static CertificateSync withTimes(
      CertificateSync m, Instant notBefore, Instant notAfter, Instant revokedAt, Instant syncTime) {
    return new CertificateSync(
        m.messageId(),
        m.recipient(),
        m.businessType(),
        m.caName(),
        m.holder(),
        m.certificate(),
        m.serialNumber(),
        m.status(),
        notBefore,
        notAfter,
        revokedAt,
        m.revocationReason(),
        syncTime);
  }
}
