package org.egovca.ra.application;

import java.io.Serializable;
import java.time.Instant;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.IssuedCertificate;

/** One line of a certificate list. */
public record CertificateSummary(
    String serialNumberHex,
    String subjectDn,
    String issuerCaName,
    String profile,
    String keyAlgorithm,
    CertificateStatus status,
    Instant notBefore,
    Instant notAfter,
    Instant issuedAt)
    implements Serializable {

  static CertificateSummary of(IssuedCertificate certificate) {
    return new CertificateSummary(
        certificate.getSerialNumberHex(),
        certificate.getSubjectDn(),
        certificate.getIssuer().getName(),
        certificate.getProfile(),
        certificate.getKeyAlgorithm(),
        certificate.getStatus(),
        certificate.getNotBefore(),
        certificate.getNotAfter(),
        certificate.getIssuedAt());
  }
}
