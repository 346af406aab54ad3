package org.egovca.sync.receiver;

import jakarta.jws.WebService;
import java.util.function.Supplier;
import org.egovca.sync.wire.WireMessages;
import org.egovca.sync.ws.CertificateSyncPortType;
import org.egovca.sync.ws.SyncCertificate;
import org.egovca.sync.ws.SyncCertificateResponse;
import org.egovca.sync.ws.SyncCrl;
import org.egovca.sync.ws.SyncCrlResponse;
import org.egovca.sync.ws.SyncFault;

/**
 * The SOAP endpoint of the sync interface at {@code /sync-receiver/CertificateSyncService}, serving
 * the WSDL of sync-api unchanged (packaged as {@code WEB-INF/wsdl}). It only hands each request to
 * the {@link SyncReceiver}, answers with a receipt naming the message and the digest of the payload
 * it verified, and turns a rejection into the typed SyncFault.
 */
@WebService(
    serviceName = "CertificateSyncService",
    portName = "CertificateSyncPort",
    targetNamespace = "urn:egovca:sync:2",
    endpointInterface = "org.egovca.sync.ws.CertificateSyncPortType",
    wsdlLocation = "WEB-INF/wsdl/CertificateSyncService.wsdl")
public class CertificateSyncEndpoint implements CertificateSyncPortType {

  private final Supplier<SyncReceiver> receiver;

  /** The container's constructor: the web application's shared receiver. */
  public CertificateSyncEndpoint() {
    this(SharedReceiver::get);
  }

  CertificateSyncEndpoint(Supplier<SyncReceiver> receiver) {
    this.receiver = receiver;
  }

  @Override
  public SyncCertificateResponse syncCertificate(SyncCertificate request) throws SyncFault {
    try {
      Receipt receipt = receiver.get().receive(request);
      return WireMessages.certificateResponse(
          receipt.messageId(), receipt.outcome(), receipt.payload());
    } catch (SyncRejectedException e) {
      throw WireMessages.fault(e.code(), e.getMessage());
    }
  }

  @Override
  public SyncCrlResponse syncCrl(SyncCrl request) throws SyncFault {
    try {
      Receipt receipt = receiver.get().receive(request);
      return WireMessages.crlResponse(receipt.messageId(), receipt.outcome(), receipt.payload());
    } catch (SyncRejectedException e) {
      throw WireMessages.fault(e.code(), e.getMessage());
    }
  }
}
