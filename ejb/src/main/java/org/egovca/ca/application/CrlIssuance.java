package org.egovca.ca.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateRevocationList;
import org.egovca.ca.infrastructure.CaConfiguration;
import org.egovca.ca.infrastructure.CaCryptoToken;

/**
 * Issues a CA's complete CRL (CPS §6.1.4.8.7, GM/T 0015 §5.3): every revoked, unexpired certificate
 * with its reason, the next CRL number, the freshestCRL pointer to the CA's delta CRLs, signed by
 * the CA key in the token, stored (every CRL is kept) and audited, in one transaction. The CA row
 * is locked while the number is drawn, so two servers never issue the same CRL number; the revoked
 * certificates are read with a database cursor, so memory does not grow with the size of the CRL.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CrlIssuance {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Resource(lookup = "jdbc/egovca")
  private DataSource dataSource;

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private IssuedCrls issuedCrls;
  @Inject private CaCryptoToken cryptoToken;
  @Inject private CaConfiguration configuration;
  @Inject private AuditLog auditLog;

  private final Clock clock = Clock.systemUTC();

  /** Issues a CRL for {@code caName} now (scheduled cycle, revocations, emergency). */
  public CrlSummary issue(String caName, String actor) {
    return issue(caName, actor, false).orElseThrow();
  }

  /** Issues a CRL only when none exists or the latest is about to reach its nextUpdate. */
  public Optional<CrlSummary> issueIfDue(String caName, String actor) {
    return issue(caName, actor, true);
  }

  private Optional<CrlSummary> issue(String caName, String actor, boolean onlyIfDue) {
    CertificateAuthority ca =
        certificateAuthorities
            .byName(caName)
            .orElseThrow(() -> new IllegalArgumentException("no CA named " + caName));
    entityManager.lock(ca, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Optional<CertificateRevocationList> latest = issuedCrls.latestComplete(ca);
    if (onlyIfDue
        && latest.isPresent()
        && now.isBefore(latest.get().getNextUpdate().minus(configuration.crlOverlap()))) {
      return Optional.empty();
    }
    long number = issuedCrls.nextCrlNumber(ca);
    Instant nextUpdate = now.plus(configuration.crlPeriod());
    CrlIssuer issuer = CrlIssuer.of(ca);
    RevokedCertificates entries = RevokedCertificates.all(dataSource, ca.getId(), now);
    byte[] crl =
        issuer.sign(
            issuer.complete(number, now, nextUpdate, configuration.pkiUrls().deltaCrl(caName)),
            entries,
            cryptoToken.token());
    entityManager.persist(
        new CertificateRevocationList(ca, number, now, nextUpdate, entries.count(), crl, actor));
    auditLog.success(
        actor,
        AuditActions.CRL_ISSUED,
        ca.getSubjectDn(),
        "ca="
            + caName
            + " crlNumber="
            + number
            + " entries="
            + entries.count()
            + " nextUpdate="
            + nextUpdate);
    return Optional.of(new CrlSummary(caName, number, now, nextUpdate, entries.count()));
  }

  /** What a new CRL contains, for callers and logs. */
  public record CrlSummary(
      String caName, long crlNumber, Instant thisUpdate, Instant nextUpdate, long entries) {}
}
