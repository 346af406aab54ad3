package org.egovca.ca.application;

import static org.egovca.ca.domain.RefusalCode.CA_REVOKED;
import static org.egovca.ca.domain.RefusalCode.CA_UNAVAILABLE;
import static org.egovca.ca.domain.RefusalCode.WRONG_STATE;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.application.port.PublishedCertificate;
import org.egovca.ca.domain.CaRevocationReason;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RetiredCaKey;
import org.egovca.ca.domain.RevokedCaCertificate;
import org.egovca.ca.x509.CertificateAssembler;
import org.egovca.ca.x509.OfflineToken;
import org.egovca.ca.x509.SubjectNames;

/**
 * The root revokes a subordinate CA's certificates (CPS §6.5.1.8.3 item 3, §7.5.1.9; SPEC R26), as
 * a key ceremony authorised it: only key custody calls this, after three custodians were present
 * (an architecture test keeps every other caller out). In one transaction: every certificate the
 * parent issued to the CA (those of its current and of its retired keys) is recorded revoked, the
 * CA row says the CA is revoked, one audit event, a new complete CRL of each parent key that signed
 * one of them (the root's ARL) and the delta CRL of the current one, and the deliveries: the ARL to
 * the directory and to every e-gov system that takes CRLs, the withdrawal of the CA's certificates
 * from the directory. After commit OCSP answers "revoked" for them. Any failure (an offline token,
 * a database error) rolls all of it back.
 *
 * <p>The link certificates of the CA's own key rollovers (NewWithOld, OldWithNew) are not revoked:
 * the CA's own keys signed them, so no CRL a relying party trusts can list them, and every path
 * through them ends in a certificate the root issued to this CA, which is revoked now. They leave
 * the directory with the rest. What the CA does afterwards: it issues no certificate and rolls no
 * key over ({@code CA_REVOKED}); its CRLs and OCSP answers go on, for the status of the
 * certificates it issued.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class CaCertificateRevocation {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private SubordinateCaCertificates caCertificates;
  @Inject private CrlIssuance crls;
  @Inject private DeltaCrlIssuance deltaCrls;
  @Inject private AuditLog auditLog;
  @Inject private Event<CaCertificateRevoked> revoked;

  @Inject private Clock clock;

  /**
   * Revokes the certificates the parent CA issued to CA {@code caName}, for {@code reason}, as key
   * ceremony {@code ceremonyId} authorised.
   *
   * @param actor who acted, for the audit log: the custodians present ({@code custodians:a,b,c})
   * @throws Refusal CA_UNAVAILABLE for an unknown CA, WRONG_STATE for a root CA, CA_REVOKED for a
   *     CA revoked already, INVALID_INPUT without a reason or ceremony, TOKEN_OFFLINE while the
   *     token that holds the parent's key waits for its custodians
   */
  public CaCertificateRevocationView revoke(
      String caName, CaRevocationReason reason, long ceremonyId, String actor) {
    if (reason == null || ceremonyId <= 0 || actor == null || actor.isBlank()) {
      throw Refusal.invalid(
          null, null, "a CA certificate is revoked for a reason, by a key ceremony and its actor");
    }
    CertificateAuthority ca = revocable(caName);
    CertificateAuthority parent = ca.getParent();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<SubordinateCaCertificates.Issued> issued = caCertificates.of(ca);
    for (SubordinateCaCertificates.Issued certificate : issued) {
      entityManager.persist(
          new RevokedCaCertificate(
              parent,
              certificate.issuerKeyIndex(),
              ca,
              certificate.caKeyIndex(),
              certificate.serialNumber(),
              certificate.notAfter(),
              now,
              reason,
              ceremonyId));
    }
    ca.revoke(now, reason);
    List<BigInteger> serials =
        issued.stream().map(SubordinateCaCertificates.Issued::serialNumber).toList();
    audit(ca, reason, ceremonyId, serials, actor);
    // The CRLs read the revocations above in this transaction.
    entityManager.flush();
    List<Long> crlNumbers;
    try {
      crlNumbers = publish(parent, issued, actor);
    } catch (RuntimeException e) {
      // The parent's key waits for its custodians: no ARL, so no revocation either.
      if (OfflineToken.causedBy(e)) {
        throw OfflineToken.refusal();
      }
      throw e;
    }
    revoked.fire(
        new CaCertificateRevoked(
            caName, parent.getName(), serials, reason, now, directoryCertificates(ca, issued)));
    return new CaCertificateRevocationView(caName, now, reason, ceremonyId, serials, crlNumbers);
  }

  /**
   * The CA named {@code caName}, locked, if it is a subordinate CA not revoked yet. Two ceremonies
   * revoking one CA, or a rollover racing with this: the row lock serialises them.
   */
  private CertificateAuthority revocable(String caName) {
    CertificateAuthority ca =
        certificateAuthorities
            .byName(caName)
            .orElseThrow(() -> new Refusal(CA_UNAVAILABLE, "CA '" + caName + "' does not exist"));
    entityManager.lock(ca, LockModeType.PESSIMISTIC_WRITE);
    entityManager.refresh(ca);
    if (ca.isRoot()) {
      throw new Refusal(
          WRONG_STATE, "CA " + caName + " is a root CA: no CA above it can revoke its certificate");
    }
    if (ca.isRevoked()) {
      throw new Refusal(
          CA_REVOKED, "the certificates of CA " + caName + " were revoked at " + ca.getRevokedAt());
    }
    return ca;
  }

  private void audit(
      CertificateAuthority ca,
      CaRevocationReason reason,
      long ceremonyId,
      List<BigInteger> serials,
      String actor) {
    auditLog.success(
        actor,
        AuditAction.CA_CERTIFICATE_REVOKED,
        ca.getSubjectDn(),
        "ca="
            + ca.getName()
            + " parent="
            + ca.getParent().getName()
            + " reason="
            + reason.name()
            + " crlReason="
            + reason.crlReason()
            + " ceremony="
            + ceremonyId
            + " serials="
            + serials.stream().map(s -> s.toString(16)).collect(Collectors.joining(",")));
  }

  /**
   * A new complete CRL of each parent key that signed one of the certificates, and the delta CRL of
   * the parent's current key, so that a relying party holding the previous base learns of it too.
   */
  private List<Long> publish(
      CertificateAuthority parent, List<SubordinateCaCertificates.Issued> issued, String actor) {
    SortedSet<Integer> keys = new TreeSet<>();
    issued.forEach(certificate -> keys.add(certificate.issuerKeyIndex()));
    List<Long> numbers = new ArrayList<>();
    for (int keyIndex : keys) {
      numbers.add(crls.issueInCallersTransaction(parent.getName(), keyIndex, actor).crlNumber());
    }
    if (keys.contains(parent.getKeyIndex())) {
      deltaCrls.issueInCallersTransaction(parent.getName(), actor);
    }
    return numbers;
  }

  /** The CA's certificates the directory may hold: the parent's, and the rollovers' links. */
  private List<PublishedCertificate> directoryCertificates(
      CertificateAuthority ca, List<SubordinateCaCertificates.Issued> issued) {
    List<PublishedCertificate> certificates = new ArrayList<>();
    for (SubordinateCaCertificates.Issued certificate : issued) {
      certificates.add(
          new PublishedCertificate(
              ca.getName(),
              ca.getSubjectDn(),
              certificate.serialNumber(),
              CertificateAssembler.encode(certificate.certificate())));
    }
    for (RetiredCaKey key : certificateAuthorities.retiredKeys(ca)) {
      for (byte[] link : List.of(key.getNewWithOld(), key.getOldWithNew())) {
        X509CertificateHolder holder = CertificateAuthorities.holder(link);
        certificates.add(
            new PublishedCertificate(
                ca.getName(),
                SubjectNames.toDisplayString(holder.getSubject()),
                holder.getSerialNumber(),
                link));
      }
    }
    return certificates;
  }
}
