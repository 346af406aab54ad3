package org.egovca.sync.receiver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.SyncFaultCode;
import org.egovca.sync.receiver.MessageStore;
import org.egovca.sync.receiver.RejectionLog;
import org.egovca.sync.receiver.SyncReceiver;
import org.egovca.sync.receiver.SyncRejectedException;
import org.egovca.sync.testing.TestCa;
import org.egovca.sync.testing.TestMessages;
import org.egovca.sync.wire.WireMessages;
import org.egovca.sync.ws.SyncCrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceivedMessagesResourceTest {

  private static final TestCa CA = TestCa.sm2("iFutureCA");

  @TempDir Path store;

  private SyncReceiver receiver;
  private ReceivedMessagesResource resource;

  @BeforeEach
  void receiver() throws Exception {
    receiver =
        new SyncReceiver(
            TestMessages.RECIPIENT,
            caName -> caName.equals("iFutureCA") ? List.of(CA.certificate()) : List.of(),
            MessageStore.open(store),
            new RejectionLog());
    resource = new ReceivedMessagesResource(() -> receiver);
  }

  @Test
  void messagesAreListedInArrivalOrder() throws Exception {
    CertificateSync certificate = TestMessages.issued(CA, "iFutureCA");
    CrlSync crl = TestMessages.crl(CA, "iFutureCA", 9);
    receiver.receive(WireMessages.request(certificate, TestMessages.sign(certificate, CA)));
    receiver.receive(WireMessages.request(crl, TestMessages.sign(crl, CA)));

    JsonArray messages = resource.messages();
    assertEquals(2, messages.size());
    JsonObject first = messages.getJsonObject(0);
    assertEquals(certificate.messageId(), first.getString("messageId"));
    assertEquals("CERTIFICATE", first.getString("kind"));
    assertEquals("ISSUE", first.getString("businessType"));
    assertEquals("iFutureCA", first.getString("caName"));
    assertEquals(certificate.serialNumber(), first.getString("serialNumber"));
    assertEquals("GOOD", first.getString("status"));
    assertFalse(first.containsKey("crlNumber"));
    JsonObject second = messages.getJsonObject(1);
    assertEquals("CRL", second.getString("kind"));
    assertEquals("9", second.getString("crlNumber"));
    assertEquals(2, second.getInt("arrival"));

    assertEquals(
        "GOOD", resource.certificate("iFutureCA", certificate.serialNumber()).getString("status"));
  }

  @Test
  void rejectionsAreListedWithTheirCode() {
    CrlSync crl = TestMessages.crl(CA, "iFutureCA", 9);
    SyncCrl request = WireMessages.request(crl, new byte[] {0x30, 0x00});
    assertThrows(SyncRejectedException.class, () -> receiver.receive(request));

    JsonObject rejection = resource.rejections().getJsonObject(0);
    assertEquals(SyncFaultCode.MALFORMED.name(), rejection.getString("code"));
    assertEquals("syncCrl", rejection.getString("operation"));
    assertEquals(crl.messageId(), rejection.getString("messageId"));
    assertEquals("iFutureCA", rejection.getString("caName"));
  }
}
