package org.egovca.sync.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import javax.xml.datatype.DatatypeFactory;
import org.egovca.sync.CanonicalPayload;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.Recipient;
import org.egovca.sync.SyncOutcome;
import org.egovca.sync.testing.TestCa;
import org.egovca.sync.testing.TestMessages;
import org.egovca.sync.ws.CrlBusinessType;
import org.egovca.sync.ws.SyncCertificate;
import org.egovca.sync.ws.SyncCrl;
import org.egovca.sync.ws.SyncReceipt;
import org.junit.jupiter.api.Test;

class WireMessagesTest {

  private static final TestCa CA = TestCa.sm2("iFutureCA");
  private static final DatatypeFactory XSD = DatatypeFactory.newDefaultInstance();

  @Test
  void certificateSyncSurvivesTheWire() {
    CertificateSync message = TestMessages.issued(CA, "iFutureCA");
    SyncCertificate request = WireMessages.request(message, new byte[] {1});
    assertEquals(message, WireMessages.certificateSync(request));
    assertEquals("RESIDENT_ID_CARD", request.getHolder().getIdentifierType());
  }

  @Test
  void crlSyncSurvivesTheWire() {
    CrlSync message = TestMessages.crl(CA, "iFutureCA", 12);
    SyncCrl request = WireMessages.request(message, new byte[] {1});
    assertEquals(CrlBusinessType.CRL, request.getBusinessType());
    assertEquals(message, WireMessages.crlSync(request));
  }

  @Test
  void timesWithAnOffsetAreTheSameInstant() {
    SyncCrl request = WireMessages.request(TestMessages.crl(CA, "iFutureCA", 1), new byte[] {1});
    request.setSyncTime(XSD.newXMLGregorianCalendar("2025-06-30T10:15:07.250+08:00"));
    assertEquals(Instant.parse("2025-06-30T02:15:07Z"), WireMessages.crlSync(request).syncTime());
  }

  @Test
  void timesWithoutAZoneAreRefused() {
    SyncCrl request = WireMessages.request(TestMessages.crl(CA, "iFutureCA", 1), new byte[] {1});
    request.setThisUpdate(XSD.newXMLGregorianCalendar("2025-06-30T10:15:07"));
    assertEquals(
        "thisUpdate has no time zone",
        assertThrows(IllegalArgumentException.class, () -> WireMessages.crlSync(request))
            .getMessage());
  }

  @Test
  void missingPartsAreNamed() {
    SyncCertificate request =
        WireMessages.request(TestMessages.issued(CA, "iFutureCA"), new byte[] {1});
    request.setHolder(null);
    assertEquals(
        "holder is missing",
        assertThrows(IllegalArgumentException.class, () -> WireMessages.certificateSync(request))
            .getMessage());
    SyncCrl crl = WireMessages.request(TestMessages.crl(CA, "iFutureCA", 1), new byte[] {1});
    crl.setBusinessType(null);
    assertThrows(IllegalArgumentException.class, () -> WireMessages.crlSync(crl));
    assertThrows(IllegalArgumentException.class, () -> WireMessages.signature(new byte[0]));
  }

  @Test
  void aReceiptCountsOnlyForItsMessageAndPayload() {
    CrlSync message = TestMessages.crl(CA, "iFutureCA", 1);
    String id = message.messageId();
    byte[] payload = CanonicalPayload.of(message);
    assertEquals(
        SyncOutcome.DUPLICATE,
        WireMessages.outcome(
            WireMessages.crlResponse(id, SyncOutcome.DUPLICATE, payload).getReceipt(),
            id,
            payload));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WireMessages.outcome(
                WireMessages.crlResponse(id, SyncOutcome.APPLIED, payload).getReceipt(),
                "1f8e3a52-9d1c-4b7e-a6f0-2c5d8e1b4a93",
                payload));
    SyncReceipt forgotten = WireMessages.crlResponse(id, SyncOutcome.APPLIED, payload).getReceipt();
    forgotten.setPayloadSha256(null);
    assertEquals(
        "the receipt names the payload digest (none), not "
            + CanonicalPayload.sha256(payload)
            + " of the payload sent",
        assertThrows(
                IllegalArgumentException.class, () -> WireMessages.outcome(forgotten, id, payload))
            .getMessage());
    CrlSync other = TestMessages.crl(CA, "iFutureCA", 2);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WireMessages.outcome(
                WireMessages.crlResponse(id, SyncOutcome.APPLIED, CanonicalPayload.of(other))
                    .getReceipt(),
                id,
                payload));
  }

  @Test
  void theRecipientSurvivesTheWireAndIsRequired() {
    CertificateSync message =
        TestMessages.issued(CA, "iFutureCA", new Recipient("tax-office", "SW-01"));
    SyncCertificate request = WireMessages.request(message, new byte[] {1});
    assertEquals("tax-office", request.getRecipient().getSystem());
    assertEquals(message.recipient(), WireMessages.certificateSync(request).recipient());
    request.setRecipient(null);
    assertEquals(
        "recipient is missing",
        assertThrows(IllegalArgumentException.class, () -> WireMessages.certificateSync(request))
            .getMessage());
  }
}
