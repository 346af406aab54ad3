package org.egovca.ws.ra;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import org.egovca.ca.application.IssuanceRequest;

/**
 * One request of {@code issueCertificates}: the three parameters of {@code issueCertificate}, a
 * {@code request} element each.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    name = "CertificateRequest",
    propOrder = {"profile", "subjectDn", "pkcs10"})
public class CertificateRequest {

  private String profile;
  private String subjectDn;
  private String pkcs10;

  public CertificateRequest() {}

  IssuanceRequest toIssuanceRequest() {
    return new IssuanceRequest(profile, subjectDn, pkcs10);
  }
}
