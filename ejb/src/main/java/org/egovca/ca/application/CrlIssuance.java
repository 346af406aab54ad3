package org.egovca.ca.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.IssuedCrl;
import org.egovca.ca.x509.IssuingCa;
import org.egovca.ca.x509.crl.CrlContent;

/**
 * Issues a CA's complete CRL (CPS §6.1.4.8.7, GM/T 0015 §5.3): every revoked, unexpired certificate
 * with its reason, the next CRL number, the freshestCRL pointer to the CA's delta CRLs, signed by
 * the CA key in the token, stored (every CRL is kept) and audited, in one transaction. After a key
 * rollover each key has its own CRL, signed by that key and listing the certificates it issued (CPS
 * §6.5.1.6). The CA row is locked while the number is drawn, so two servers never issue the same
 * CRL number; the revoked certificates are read with a database cursor, so memory does not grow
 * with the size of the CRL.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CrlIssuance {

  private static final String REVOKED_SINCE =
      "SELECT COUNT(c) FROM IssuedCertificate c WHERE c.issuer = :issuer"
          + " AND c.caKeyIndex = :keyIndex"
          + " AND c.status = org.egovca.ca.domain.CertificateStatus.REVOKED"
          + " AND c.revokedAt >= :since";

  private static final Duration BEHIND_MARGIN = Duration.ofMinutes(1);

  @Inject private Event<CrlPublished> published;

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Resource(lookup = "jdbc/egovca")
  private DataSource dataSource;

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private SubordinateCaCertificates caCertificates;
  @Inject private IssuedCrls issuedCrls;
  @Inject private CaToken cryptoToken;
  @Inject private CaConfiguration configuration;
  @Inject private AuditLog auditLog;

  @Inject private Clock clock;

  /**
   * Issues the CRL of the certificates key {@code keyIndex} of {@code caName} issued, signed by
   * that key (after a revocation of one of them).
   */
  public CrlSummary issue(String caName, int keyIndex, String actor) {
    return issue(caName, keyIndex, actor, When.ALWAYS).orElseThrow();
  }

  /**
   * Issues the CRL of key {@code keyIndex} of {@code caName} in the caller's transaction, so that
   * it commits or rolls back with the revocation it publishes (the root's ARL after {@link
   * CaCertificateRevocation}).
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public CrlSummary issueInCallersTransaction(String caName, int keyIndex, String actor) {
    return issue(caName, keyIndex, actor, When.ALWAYS).orElseThrow();
  }

  /** Issues a CRL only when none exists or the latest is about to reach its nextUpdate. */
  public Optional<CrlSummary> issueIfDue(String caName, int keyIndex, String actor) {
    return issue(caName, keyIndex, actor, When.DUE);
  }

  /**
   * Issues a CRL when {@link #issueIfDue} would, and also when a certificate of the key was revoked
   * since the latest CRL: the CRL that revocation asked for was not issued (the token waited for
   * its key custodians, or the server stopped before the publish delay was over).
   */
  public Optional<CrlSummary> issueIfDueOrBehind(String caName, int keyIndex, String actor) {
    return issue(caName, keyIndex, actor, When.DUE_OR_BEHIND);
  }

  /** Which CRLs {@link #issue(String, int, String, When)} issues. */
  private enum When {
    ALWAYS,
    DUE,
    DUE_OR_BEHIND
  }

  /**
   * @param keyIndex the CA key whose certificates the CRL lists and which signs it; 0 for the
   *     current one
   */
  private Optional<CrlSummary> issue(String caName, int keyIndex, String actor, When when) {
    CertificateAuthority ca =
        certificateAuthorities
            .byName(caName)
            .orElseThrow(() -> new IllegalArgumentException("no CA named " + caName));
    entityManager.lock(ca, LockModeType.PESSIMISTIC_WRITE);
    IssuingCa key = signingKey(ca, keyIndex);
    boolean current = key.keyIndex() == ca.getKeyIndex();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Optional<IssuedCrl> latest = issuedCrls.latestComplete(ca, key.keyIndex());
    if (when != When.ALWAYS
        && latest.isPresent()
        && now.isBefore(latest.get().getNextUpdate().minus(configuration.crlOverlap()))
        && !(when == When.DUE_OR_BEHIND && revokedSince(ca, key.keyIndex(), latest.get()))) {
      return Optional.empty();
    }
    long number = issuedCrls.nextCrlNumber(ca);
    Instant nextUpdate = now.plus(configuration.crlPeriod());
    CrlIssuer issuer = CrlIssuer.of(key);
    RevokedCertificates entries =
        RevokedCertificates.all(dataSource, ca.getId(), key.keyIndex(), now)
            .withCaCertificates(
                caCertificates.revokedEntries(ca, key.keyIndex(), now, Instant.EPOCH));
    // Delta CRLs exist for the current key only; a retired key's CRL does not point to them.
    // The scope is the distribution point in the key's certificates: each key's CRL covers its
    // own certificates only, and says so.
    CrlContent content =
        issuer
            .complete(
                number, now, nextUpdate, current ? configuration.pkiUrls().deltaCrl(caName) : null)
            .withDistributionPoint(configuration.pkiUrls().crl(caName, key.keyIndex()));
    byte[] crl = issuer.sign(content, entries, cryptoToken.token());
    IssuedCrl issued =
        IssuedCrl.complete(
            ca, key.keyIndex(), number, now, nextUpdate, entries.count(), crl, actor);
    entityManager.persist(issued);
    published.fire(new CrlPublished(issued));
    auditLog.success(
        actor,
        AuditAction.CRL_ISSUED,
        ca.getSubjectDn(),
        "ca="
            + caName
            + " keyIndex="
            + key.keyIndex()
            + " crlNumber="
            + number
            + " entries="
            + entries.count()
            + " nextUpdate="
            + nextUpdate);
    return Optional.of(new CrlSummary(caName, number, now, nextUpdate, entries.count()));
  }

  /**
   * Whether a certificate of key {@code keyIndex} was revoked since {@code latest} was issued. The
   * margin takes in a revocation that committed while that CRL was being read; at worst it makes
   * one CRL more.
   */
  private boolean revokedSince(CertificateAuthority ca, int keyIndex, IssuedCrl latest) {
    return entityManager
            .createQuery(REVOKED_SINCE, Long.class)
            .setParameter("issuer", ca)
            .setParameter("keyIndex", keyIndex)
            .setParameter("since", latest.getThisUpdate().minus(BEHIND_MARGIN))
            .getSingleResult()
        > 0;
  }

  private IssuingCa signingKey(CertificateAuthority ca, int keyIndex) {
    if (keyIndex == 0 || keyIndex == ca.getKeyIndex()) {
      return CertificateAuthorities.asIssuer(ca);
    }
    return certificateAuthorities.retiredKeys(ca).stream()
        .filter(key -> key.getKeyIndex() == keyIndex)
        .findFirst()
        .map(CertificateAuthorities::asIssuer)
        .orElseThrow(
            () -> new IllegalArgumentException("CA " + ca.getName() + " has no key " + keyIndex));
  }

  /** What a new CRL contains, for callers and logs. */
  public record CrlSummary(
      String caName, long crlNumber, Instant thisUpdate, Instant nextUpdate, long entries) {}
}
