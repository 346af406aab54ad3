package org.egovca.ca.application;

import java.time.Instant;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.RevocationReason;

/** An issued certificate as interfaces show it; the revocation fields are null while valid. */
public record CertificateView(
    String serialNumberHex,
    String subjectDn,
    String issuerCaName,
    String profile,
    String keyAlgorithm,
    CertificateStatus status,
    Instant notBefore,
    Instant notAfter,
    Instant issuedAt,
    Instant revokedAt,
    RevocationReason revocationReason,
    byte[] encoded) {

  public CertificateView {
    encoded = encoded.clone();
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }

  static CertificateView of(IssuedCertificate certificate) {
    return new CertificateView(
        certificate.getSerialNumberHex(),
        certificate.getSubjectDn(),
        certificate.getIssuer().getName(),
        certificate.getProfile(),
        certificate.getKeyAlgorithm(),
        certificate.getStatus(),
        certificate.getNotBefore(),
        certificate.getNotAfter(),
        certificate.getIssuedAt(),
        certificate.getRevokedAt(),
        certificate.getRevocationReason(),
        certificate.getEncoded());
  }
}
