package org.egovca.ws.ra;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.egovca.ca.application.DualCertificateView;
import org.egovca.ca.application.IssuanceRequest;
import org.egovca.ca.application.RemoteRaService;
import org.egovca.ws.SoapCalls;

/**
 * {@code RaService}: the SOAP interface for remote RA systems (CPS §7.3.2). Served over HTTPS only;
 * the caller's TLS client certificate is handed to the EJB layer, which decides whether the caller
 * may act.
 */
@WebService(
    name = "RaService",
    serviceName = "RaService",
    portName = "RaServicePort",
    targetNamespace = RaServiceEndpoint.NAMESPACE)
public class RaServiceEndpoint {

  public static final String NAMESPACE = "http://egovca.org/ws/ra/v1";

  @Resource private WebServiceContext context;

  @EJB private RemoteRaService remoteRa;

  /**
   * Issues a certificate for a vetted application.
   *
   * @param profile certificate profile, for example {@code personal-sign}
   * @param subjectDn the vetted subject DN, for example {@code CN=张三,O=某单位,C=CN}
   * @param pkcs10 the holder's PKCS#10 request, base64 DER or PEM
   * @param holderIdentifiers optional: the holder's vetted identifiers (ID card number,
   *     organisation code, …) for the GM/T 0015 identity extensions
   * @param subjectAltNames optional: the vetted subjectAltNames, {@code DNS:…}, {@code IP:…} or
   *     {@code EMAIL:…}; names in the PKCS#10 are ignored, like its subject
   * @param applicationUnit optional: the code of the application unit the certificate belongs to
   *     (R19); its e-gov systems receive it
   * @param directoryConsent optional, true by default: false when the holder declined publication
   *     in the directory (CPS §6.1.4.4.2)
   * @return the certificate, base64 DER
   */
  @WebMethod
  @WebResult(name = "certificate")
  public String issueCertificate(
      @WebParam(name = "profile") String profile,
      @WebParam(name = "subjectDn") String subjectDn,
      @WebParam(name = "pkcs10") String pkcs10,
      @WebParam(name = "holderIdentifier") List<HolderIdentifierElement> holderIdentifiers,
      @WebParam(name = "subjectAltName") List<String> subjectAltNames,
      @WebParam(name = "applicationUnit") String applicationUnit,
      @WebParam(name = "directoryConsent") Boolean directoryConsent)
      throws RaServiceFault {
    return answer(
        "issueCertificate",
        () -> {
          IssuanceRequest request =
              new IssuanceRequest(
                  profile,
                  subjectDn,
                  pkcs10,
                  HolderIdentifierElement.toRequested(holderIdentifiers),
                  subjectAltNames,
                  applicationUnit,
                  directoryConsent == null || directoryConsent);
          byte[] certificate = remoteRa.issueCertificate(clientCertificate(), request).encoded();
          return Base64.getEncoder().encodeToString(certificate);
        });
  }

  /**
   * Issues a batch of certificates in one transaction, all or none: one refused request refuses the
   * batch with a fault naming its index, and nothing is issued.
   *
   * @param requests at most the configured batch size (1,000 by default)
   * @return the certificates, base64 DER, in the order of the requests
   */
  @WebMethod
  @WebResult(name = "certificate")
  public List<String> issueCertificates(
      @WebParam(name = "request") List<CertificateRequest> requests) throws RaServiceFault {
    return answer(
        "issueCertificates",
        () -> {
          List<IssuanceRequest> batch =
              requests == null
                  ? List.of()
                  : requests.stream()
                      .map(request -> request == null ? null : request.toIssuanceRequest())
                      .toList();
          Base64.Encoder base64 = Base64.getEncoder();
          return remoteRa.issueCertificates(clientCertificate(), batch).stream()
              .map(certificate -> base64.encodeToString(certificate.encoded()))
              .toList();
        });
  }

  /**
   * Issues a holder's signing and encryption certificates (CPS §6.1.4.10): the signing certificate
   * for the PKCS#10 (SM2), the encryption certificate for a key pair from the KMC.
   *
   * @return both certificates and the enveloped encryption private key
   */
  @WebMethod
  @WebResult(name = "dualCertificate")
  public DualCertificate issueDualCertificate(
      @WebParam(name = "profile") String profile,
      @WebParam(name = "subjectDn") String subjectDn,
      @WebParam(name = "pkcs10") String pkcs10,
      @WebParam(name = "holderIdentifier") List<HolderIdentifierElement> holderIdentifiers,
      @WebParam(name = "subjectAltName") List<String> subjectAltNames,
      @WebParam(name = "applicationUnit") String applicationUnit,
      @WebParam(name = "directoryConsent") Boolean directoryConsent)
      throws RaServiceFault {
    return answer(
        "issueDualCertificate",
        () ->
            toSoap(
                remoteRa.issueDualCertificate(
                    clientCertificate(),
                    new IssuanceRequest(
                        profile,
                        subjectDn,
                        pkcs10,
                        HolderIdentifierElement.toRequested(holderIdentifiers),
                        subjectAltNames,
                        applicationUnit,
                        directoryConsent == null || directoryConsent))));
  }

  /** The certificate profiles this RA may request, latest version of each. */
  @WebMethod
  @WebResult(name = "profile")
  public List<ProfileElement> listProfiles() throws RaServiceFault {
    return answer(
        "listProfiles",
        () -> remoteRa.listProfiles(clientCertificate()).stream().map(ProfileElement::of).toList());
  }

  /**
   * Renews a certificate online (CPS §6.1.4.6): the request carries the current public key and is
   * signed with the current private key; the holder's renewal proof, signed with that key too,
   * names the certificate, the time and this request, and serves once.
   *
   * @param renewalProof the statement, exactly as signed: {@code e-Gov CA renewal proof v1} and the
   *     lines {@code operation: RENEW}, {@code serial: <hex>}, {@code time: <UTC, ISO 8601>},
   *     {@code request: <SHA-256 of the PKCS#10 DER, hex>}, each ending in a line feed
   * @param renewalProofSignature its base64 signature with the certificate's private key
   *     (SM3withSM2 with the default user ID, or SHA256withRSA), within 5 minutes of its time
   * @return the new certificate, and for a pair also the new encryption certificate
   */
  @WebMethod
  @WebResult(name = "renewal")
  public DualCertificate renewCertificate(
      @WebParam(name = "serialNumber") String serialNumber,
      @WebParam(name = "pkcs10") String pkcs10,
      @WebParam(name = "renewalProof") String renewalProof,
      @WebParam(name = "renewalProofSignature") String renewalProofSignature)
      throws RaServiceFault {
    return answer(
        "renewCertificate",
        () ->
            toSoap(
                remoteRa.renewCertificate(
                    clientCertificate(),
                    serialNumber,
                    pkcs10,
                    renewalProof,
                    renewalProofSignature)));
  }

  /**
   * Re-keys a certificate (CPS §6.1.4.7).
   *
   * @param pkcs10 the request for the new key
   * @param renewalProof the holder's statement as for {@code renewCertificate}, with {@code
   *     operation: REKEY} and the SHA-256 of this request for the new key
   * @param renewalProofSignature its base64 signature with the current certificate's private key
   * @return the new certificate, and for a pair also the new encryption certificate and envelope
   */
  @WebMethod
  @WebResult(name = "rekey")
  public DualCertificate rekeyCertificate(
      @WebParam(name = "serialNumber") String serialNumber,
      @WebParam(name = "pkcs10") String pkcs10,
      @WebParam(name = "renewalProof") String renewalProof,
      @WebParam(name = "renewalProofSignature") String renewalProofSignature)
      throws RaServiceFault {
    return answer(
        "rekeyCertificate",
        () ->
            toSoap(
                remoteRa.rekeyCertificate(
                    clientCertificate(),
                    serialNumber,
                    pkcs10,
                    renewalProof,
                    renewalProofSignature)));
  }

  private static DualCertificate toSoap(DualCertificateView view) {
    Base64.Encoder base64 = Base64.getEncoder();
    return new DualCertificate(
        base64.encodeToString(view.signatureCertificate().encoded()),
        view.encryptionCertificate() == null
            ? null
            : base64.encodeToString(view.encryptionCertificate().encoded()),
        view.envelopedPrivateKey() == null
            ? null
            : base64.encodeToString(view.envelopedPrivateKey()));
  }

  /**
   * Revokes a certificate (CPS §6.1.4.8).
   *
   * @param serialNumber the serial number in hexadecimal
   * @param reason the CPS §6.1.4.8.1 condition, A to J (or its name, e.g. E_KEY_COMPROMISE)
   * @param initiator HOLDER, RA, CA, RELYING_PARTY or JUDICIAL_AUTHORITY
   * @return the revocation time (ISO 8601, UTC)
   */
  @WebMethod
  @WebResult(name = "revocationTime")
  public String revokeCertificate(
      @WebParam(name = "serialNumber") String serialNumber,
      @WebParam(name = "reason") String reason,
      @WebParam(name = "initiator") String initiator)
      throws RaServiceFault {
    return answer(
        "revokeCertificate",
        () -> {
          return remoteRa
              .revokeCertificate(clientCertificate(), serialNumber, reason, initiator)
              .revokedAt()
              .toString();
        });
  }

  /**
   * Runs one operation: a refusal becomes the typed fault with the EJB layer's message; anything
   * else is logged and answered with a generic fault, never with internals.
   */
  private static <T> T answer(String operation, Supplier<T> action) throws RaServiceFault {
    return SoapCalls.answer(operation, action, RaServiceFault::new);
  }

  private byte[] clientCertificate() {
    return SoapCalls.clientCertificate(context);
  }
}
