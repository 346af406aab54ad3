package org.egovca.sync.testing;

import jakarta.jws.WebService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.egovca.sync.CanonicalPayload;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.SyncOutcome;
import org.egovca.sync.wire.WireMessages;
import org.egovca.sync.ws.CertificateSyncPortType;
import org.egovca.sync.ws.SyncCertificate;
import org.egovca.sync.ws.SyncCertificateResponse;
import org.egovca.sync.ws.SyncCrl;
import org.egovca.sync.ws.SyncCrlResponse;
import org.egovca.sync.ws.SyncFault;

/**
 * A receiver that does what a test tells it: answers APPLIED the first time and DUPLICATE after, or
 * throws a fault, or stalls, or answers for another message or another payload. It checks no
 * signature. Publish it with {@code jakarta.xml.ws.Endpoint}.
 */
@WebService(
    serviceName = "CertificateSyncService",
    portName = "CertificateSyncPort",
    targetNamespace = "urn:egovca:sync:2",
    endpointInterface = "org.egovca.sync.ws.CertificateSyncPortType",
    wsdlLocation = "META-INF/wsdl/CertificateSyncService.wsdl")
public class ScriptedReceiver implements CertificateSyncPortType {

  /** The certificate messages received, in order. */
  public final List<CertificateSync> certificates = new CopyOnWriteArrayList<>();

  /** The CRL messages received, in order. */
  public final List<CrlSync> crls = new CopyOnWriteArrayList<>();

  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /** When set, every request is answered with this fault. */
  public volatile SyncFault fault;

  /** How long to wait before answering. */
  public volatile Duration stall = Duration.ZERO;

  /** When set, receipts name this message id instead of the request's. */
  public volatile String receiptFor;

  /** When true, receipts name the digest of another payload than the one received. */
  public volatile boolean receiptForOtherPayload;

  @Override
  public SyncCertificateResponse syncCertificate(SyncCertificate request) throws SyncFault {
    CertificateSync message = WireMessages.certificateSync(request);
    behave();
    certificates.add(message);
    return WireMessages.certificateResponse(
        receiptId(message.messageId()),
        outcome(message.messageId()),
        receiptPayload(CanonicalPayload.of(message)));
  }

  @Override
  public SyncCrlResponse syncCrl(SyncCrl request) throws SyncFault {
    CrlSync message = WireMessages.crlSync(request);
    behave();
    crls.add(message);
    return WireMessages.crlResponse(
        receiptId(message.messageId()),
        outcome(message.messageId()),
        receiptPayload(CanonicalPayload.of(message)));
  }

  private void behave() throws SyncFault {
    if (fault != null) {
      throw fault;
    }
    if (!stall.isZero()) {
      try {
        Thread.sleep(stall.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String receiptId(String messageId) {
    return receiptFor == null ? messageId : receiptFor;
  }

  private byte[] receiptPayload(byte[] received) {
    if (!receiptForOtherPayload) {
      return received;
    }
    byte[] other = received.clone();
    other[other.length - 2] ^= 0x01;
    return other;
  }

  private SyncOutcome outcome(String messageId) {
    return seen.add(messageId) ? SyncOutcome.APPLIED : SyncOutcome.DUPLICATE;
  }
}
