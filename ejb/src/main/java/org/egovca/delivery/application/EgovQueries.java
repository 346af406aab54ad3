package org.egovca.delivery.application;

import static org.egovca.ca.domain.RefusalCode.CA_UNAVAILABLE;
import static org.egovca.ca.domain.RefusalCode.MALFORMED_REQUEST;
import static org.egovca.ca.domain.RefusalCode.NOT_AUTHORIZED;
import static org.egovca.ca.domain.RefusalCode.UNKNOWN_CERTIFICATE;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.application.CertificateAuthorities;
import org.egovca.ca.application.ClientAuthenticator;
import org.egovca.ca.application.IssuedCrls;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.ClientAccount;
import org.egovca.ca.domain.ClientRole;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.IssuedCrl;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.SerialNumbers;
import org.egovca.delivery.domain.EgovSystem;

/**
 * The query service for e-gov systems (R23, CPS §7.3): a certificate by serial or subject with its
 * status, a CA's chain, a CA's latest CRL. The caller is the e-gov system whose TLS client
 * certificate it presents; it sees only the certificates of its own application unit (R19): asking
 * for another unit's is refused and audited as denied access. CA chains and CRLs are public.
 */
@Stateless
public class EgovQueries {

  private static final int MOST_BY_SUBJECT = 100;

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private ClientAuthenticator authenticator;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private IssuedCrls issuedCrls;
  @Inject private AuditLog auditLog;

  @Inject private Clock clock;

  /** The certificate with {@code serialHex}, if it belongs to the caller's application unit. */
  public CertificateAnswer certificateBySerial(byte[] clientCertificate, String serialHex) {
    EgovSystem system = caller(clientCertificate, "getCertificate");
    BigInteger serial = SerialNumbers.parse(serialHex);
    if (serial == null) {
      throw new Refusal(
          MALFORMED_REQUEST, "give the serial number in hexadecimal, for example 4f1a09c2e3");
    }
    List<IssuedCertificate> found =
        entityManager
            .createNamedQuery(IssuedCertificate.BY_SERIAL_ANY_ISSUER, IssuedCertificate.class)
            .setParameter("serial", SerialNumbers.toHex(serial))
            .getResultList();
    if (found.isEmpty()) {
      throw new Refusal(
          UNKNOWN_CERTIFICATE, "this CA has issued no certificate with serial " + serialHex);
    }
    IssuedCertificate certificate = found.get(0);
    if (!system.getApplicationUnit().getId().equals(certificate.getApplicationUnitId())) {
      String detail =
          "certificate "
              + certificate.getSerialNumberHex()
              + " is not a certificate of application unit "
              + system.getApplicationUnit().getCode();
      auditLog.refusal(
          "egov-system:" + system.getName(),
          AuditAction.QUERY_SERVICE,
          certificate.getSubjectDn(),
          AuditOutcome.DENIED,
          detail);
      throw new Refusal(NOT_AUTHORIZED, detail);
    }
    return CertificateAnswer.of(certificate, clock.instant());
  }

  /** The caller's unit's certificates with exactly this subject DN, newest first. */
  public List<CertificateAnswer> certificatesBySubject(byte[] clientCertificate, String subjectDn) {
    EgovSystem system = caller(clientCertificate, "findCertificatesBySubject");
    if (subjectDn == null || subjectDn.isBlank() || subjectDn.length() > 1024) {
      throw new Refusal(MALFORMED_REQUEST, "give a subject DN of 1 to 1024 characters");
    }
    Instant now = clock.instant();
    return entityManager
        .createQuery(
            "SELECT c FROM IssuedCertificate c WHERE c.subjectDn = :subject"
                + " AND c.applicationUnitId = :unit ORDER BY c.issuedAt DESC, c.id DESC",
            IssuedCertificate.class)
        .setParameter("subject", subjectDn.trim())
        .setParameter("unit", system.getApplicationUnit().getId())
        .setMaxResults(MOST_BY_SUBJECT)
        .getResultList()
        .stream()
        .map(c -> CertificateAnswer.of(c, now))
        .toList();
  }

  /** The CA's certificate and those above it, up to the root (DER, the CA's first). */
  public List<byte[]> caChain(byte[] clientCertificate, String caName) {
    caller(clientCertificate, "getCaChain");
    List<byte[]> chain = new ArrayList<>();
    for (CertificateAuthority ca = ca(caName); ca != null; ca = ca.getParent()) {
      chain.add(ca.getEncoded());
    }
    return chain;
  }

  /** The CA's latest complete CRL (DER), signed by its current key. */
  public byte[] latestCrl(byte[] clientCertificate, String caName) {
    caller(clientCertificate, "getLatestCrl");
    CertificateAuthority ca = ca(caName);
    return issuedCrls
        .latestComplete(ca, ca.getKeyIndex())
        .map(IssuedCrl::getEncoded)
        .orElseThrow(() -> new Refusal(CA_UNAVAILABLE, "CA " + caName + " has no CRL yet"));
  }

  private EgovSystem caller(byte[] clientCertificate, String operation) {
    ClientAccount account =
        authenticator.authenticate(clientCertificate, operation, ClientRole.EGOV_SYSTEM);
    EgovSystem system =
        entityManager
            .createNamedQuery(EgovSystem.BY_CLIENT_ACCOUNT, EgovSystem.class)
            .setParameter("account", account)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (system == null || !system.isActive()) {
      String detail = "the e-gov system of client account " + account.getName() + " is not active";
      // the account's name is the system's name with its prefix: the actor of its records
      auditLog.refusal(
          account.getName(), AuditAction.QUERY_SERVICE, operation, AuditOutcome.DENIED, detail);
      throw new Refusal(NOT_AUTHORIZED, detail);
    }
    return system;
  }

  private CertificateAuthority ca(String caName) {
    return certificateAuthorities
        .byName(caName)
        .orElseThrow(() -> new Refusal(CA_UNAVAILABLE, "there is no CA " + caName));
  }

  /** A certificate and its status as the query service answers. */
  public record CertificateAnswer(
      String caName,
      String serialNumberHex,
      String subjectDn,
      byte[] encoded,
      CertificateStatus status,
      Instant notBefore,
      Instant notAfter,
      Instant revokedAt,
      String revocationReason)
      implements Serializable {

    static CertificateAnswer of(IssuedCertificate certificate, Instant now) {
      CertificateStatus status = certificate.statusAt(now);
      boolean revoked = status == CertificateStatus.REVOKED;
      return new CertificateAnswer(
          certificate.getIssuer().getName(),
          certificate.getSerialNumberHex(),
          certificate.getSubjectDn(),
          certificate.getEncoded(),
          status,
          certificate.getNotBefore(),
          certificate.getNotAfter(),
          revoked ? certificate.getRevokedAt() : null,
          revoked ? SyncMessages.reasonName(certificate) : null);
    }
  }
}
