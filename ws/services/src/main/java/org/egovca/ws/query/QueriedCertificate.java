package org.egovca.ws.query;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Base64;
import org.egovca.delivery.application.EgovQueries.CertificateAnswer;

/**
 * A certificate and its status as the query service answers: the certificate itself as base64 DER
 * ({@code encoded}), status GOOD, REVOKED or EXPIRED, ISO-8601 UTC times, the RFC 5280 revocation
 * reason name.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    name = "QueriedCertificate",
    propOrder = {
      "caName",
      "serialNumber",
      "subjectDn",
      "encoded",
      "status",
      "notBefore",
      "notAfter",
      "revokedAt",
      "revocationReason"
    })
public class QueriedCertificate {

  private String caName;
  private String serialNumber;
  private String subjectDn;
  private String encoded;
  private String status;
  private String notBefore;
  private String notAfter;
  private String revokedAt;
  private String revocationReason;

  public QueriedCertificate() {}

  static QueriedCertificate of(CertificateAnswer answer) {
    QueriedCertificate queried = new QueriedCertificate();
    queried.caName = answer.caName();
    queried.serialNumber = answer.serialNumberHex();
    queried.subjectDn = answer.subjectDn();
    queried.encoded = Base64.getEncoder().encodeToString(answer.encoded());
    queried.status = answer.status().name();
    queried.notBefore = answer.notBefore().toString();
    queried.notAfter = answer.notAfter().toString();
    queried.revokedAt = answer.revokedAt() == null ? null : answer.revokedAt().toString();
    queried.revocationReason = answer.revocationReason();
    return queried;
  }
}
