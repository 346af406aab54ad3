package org.egovca.ws.ra;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;
import org.egovca.ca.application.IssuanceRequest;

/**
 * One request of {@code issueCertificates}: the parameters of {@code issueCertificate}, a {@code
 * request} element each.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    name = "CertificateRequest",
    propOrder = {
      "profile",
      "subjectDn",
      "pkcs10",
      "holderIdentifiers",
      "subjectAltNames",
      "applicationUnit",
      "directoryConsent"
    })
public class CertificateRequest {

  private String profile;
  private String subjectDn;
  private String pkcs10;

  @XmlElement(name = "holderIdentifier")
  private List<HolderIdentifierElement> holderIdentifiers;

  @XmlElement(name = "subjectAltName")
  private List<String> subjectAltNames;

  private String applicationUnit;
  private Boolean directoryConsent;

  public CertificateRequest() {}

  IssuanceRequest toIssuanceRequest() {
    return new IssuanceRequest(
        profile,
        subjectDn,
        pkcs10,
        HolderIdentifierElement.toRequested(holderIdentifiers),
        subjectAltNames,
        applicationUnit,
        directoryConsent == null || directoryConsent);
  }
}
