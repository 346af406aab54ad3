package org.egovca.ra.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.egovca.ca.domain.CertificateStatus;

/**
 * A certificate's page: its decoded fields and extensions, its status, and the applications that
 * name it. Its audit events are the auditor's alone (CPS §6.5.1.4), on the audit log.
 */
public record CertificateDetail(
    String serialNumberHex,
    String subjectDn,
    String issuerDn,
    String issuerCaName,
    String profile,
    String keyAlgorithm,
    String signatureAlgorithm,
    CertificateStatus status,
    Instant notBefore,
    Instant notAfter,
    Instant issuedAt,
    String requestedBy,
    Instant revokedAt,
    String revocationReason,
    String revocationInitiator,
    String applicationUnit,
    String fingerprintSha256,
    String pairedSerial,
    List<Field> extensions,
    String pem,
    List<ApplicationSummary> applications)
    implements Serializable {

  /** One decoded extension: name (or OID), criticality and a readable value. */
  public record Field(String name, boolean critical, String value) implements Serializable {}
}
