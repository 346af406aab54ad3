package org.egovca.sync;

import jakarta.jws.WebService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.egovca.sync.wire.WireMessages;
import org.egovca.sync.ws.CertificateSyncPortType;
import org.egovca.sync.ws.SyncCertificate;
import org.egovca.sync.ws.SyncCertificateResponse;
import org.egovca.sync.ws.SyncCrl;
import org.egovca.sync.ws.SyncCrlResponse;
import org.egovca.sync.ws.SyncFault;

/**
 * A receiver that does what a test tells it: answers APPLIED the first time and DUPLICATE after, or
 * throws a fault, or stalls, or answers for another message. It checks no signature.
 */
@WebService(
    serviceName = "CertificateSyncService",
    portName = "CertificateSyncPort",
    targetNamespace = "urn:egovca:sync:1",
    endpointInterface = "org.egovca.sync.ws.CertificateSyncPortType",
    wsdlLocation = "META-INF/wsdl/CertificateSyncService.wsdl")
public class ScriptedReceiver implements CertificateSyncPortType {

  final List<CertificateSync> certificates = new CopyOnWriteArrayList<>();
  final List<CrlSync> crls = new CopyOnWriteArrayList<>();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  volatile SyncFault fault;
  volatile Duration stall = Duration.ZERO;
  volatile String receiptFor;

  @Override
  public SyncCertificateResponse syncCertificate(SyncCertificate request) throws SyncFault {
    CertificateSync message = WireMessages.certificateSync(request);
    behave();
    certificates.add(message);
    return WireMessages.certificateResponse(
        receiptId(message.messageId()), outcome(message.messageId()));
  }

  @Override
  public SyncCrlResponse syncCrl(SyncCrl request) throws SyncFault {
    CrlSync message = WireMessages.crlSync(request);
    behave();
    crls.add(message);
    return WireMessages.crlResponse(receiptId(message.messageId()), outcome(message.messageId()));
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

  private SyncOutcome outcome(String messageId) {
    return seen.add(messageId) ? SyncOutcome.APPLIED : SyncOutcome.DUPLICATE;
  }
}
