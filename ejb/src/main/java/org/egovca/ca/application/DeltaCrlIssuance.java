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

/**
 * Issues a CA's delta CRL (RFC 5280 §5.2.4, GM/T 0015 §5.3): the certificates revoked since the
 * CA's latest complete CRL, which the critical deltaCRLIndicator names as its base, with the next
 * number of the CA's one CRL number sequence (drawn under the CA row lock, as {@link CrlIssuance}
 * does), signed, stored (every delta CRL is kept) and audited in one transaction. The entries are
 * read with a database cursor.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeltaCrlIssuance {

  /**
   * A revocation is dated when its transaction starts, so one committed just after a complete CRL
   * was read can be dated just before that CRL's thisUpdate and be missing from it. Delta CRLs
   * therefore list revocations from this long before the base's thisUpdate; revocation transactions
   * take far less. Repeating an entry of the base is harmless: relying parties merge the two lists.
   */
  static final Duration REVOCATION_COMMIT_MARGIN = Duration.ofMinutes(5);

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
   * Issues a delta CRL for {@code caName} now (after revocations, after a new complete CRL); empty
   * when the CA has no complete CRL yet, since a delta CRL needs a base.
   */
  public Optional<DeltaCrlSummary> issue(String caName, String actor) {
    return issue(caName, actor, false);
  }

  /**
   * Issues a delta CRL for {@code caName} in the caller's transaction, after {@link
   * CrlIssuance#issueInCallersTransaction} made its base; empty when the CA has no complete CRL.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<DeltaCrlSummary> issueInCallersTransaction(String caName, String actor) {
    return issue(caName, actor, false);
  }

  /**
   * Issues a delta CRL when the latest one is about to reach its nextUpdate or was made for an
   * older complete CRL; empty when not due or there is no complete CRL yet.
   */
  public Optional<DeltaCrlSummary> issueIfDue(String caName, String actor) {
    return issue(caName, actor, true);
  }

  private Optional<DeltaCrlSummary> issue(String caName, String actor, boolean onlyIfDue) {
    CertificateAuthority ca =
        certificateAuthorities
            .byName(caName)
            .orElseThrow(() -> new IllegalArgumentException("no CA named " + caName));
    entityManager.lock(ca, LockModeType.PESSIMISTIC_WRITE);
    Optional<IssuedCrl> latestBase = issuedCrls.latestComplete(ca, ca.getKeyIndex());
    if (latestBase.isEmpty()) {
      return Optional.empty();
    }
    IssuedCrl base = latestBase.get();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    if (onlyIfDue && !due(issuedCrls.latestDelta(ca), base, now)) {
      return Optional.empty();
    }
    long number = issuedCrls.nextCrlNumber(ca);
    Instant nextUpdate = now.plus(configuration.deltaCrlPeriod());
    CrlIssuer issuer = CrlIssuer.of(ca);
    Instant since = base.getThisUpdate().minus(REVOCATION_COMMIT_MARGIN);
    RevokedCertificates entries =
        RevokedCertificates.since(dataSource, ca.getId(), ca.getKeyIndex(), now, since)
            .withCaCertificates(caCertificates.revokedEntries(ca, ca.getKeyIndex(), now, since));
    byte[] crl =
        issuer.sign(
            issuer
                .delta(number, base.getCrlNumber(), now, nextUpdate)
                .withDistributionPoint(configuration.pkiUrls().crl(caName, ca.getKeyIndex())),
            entries,
            cryptoToken.token());
    IssuedCrl issued =
        IssuedCrl.delta(
            ca, number, base.getCrlNumber(), now, nextUpdate, entries.count(), crl, actor);
    entityManager.persist(issued);
    published.fire(new CrlPublished(issued));
    auditLog.success(
        actor,
        AuditAction.DELTA_CRL_ISSUED,
        ca.getSubjectDn(),
        "ca="
            + caName
            + " crlNumber="
            + number
            + " baseCrlNumber="
            + base.getCrlNumber()
            + " entries="
            + entries.count()
            + " nextUpdate="
            + nextUpdate);
    return Optional.of(
        new DeltaCrlSummary(caName, number, base.getCrlNumber(), now, nextUpdate, entries.count()));
  }

  private boolean due(Optional<IssuedCrl> latestDelta, IssuedCrl base, Instant now) {
    return latestDelta
        .map(
            delta ->
                delta.getBaseCrlNumber().orElseThrow() != base.getCrlNumber()
                    || !now.isBefore(delta.getNextUpdate().minus(configuration.deltaCrlOverlap())))
        .orElse(true);
  }

  /** What a new delta CRL contains, for callers and logs. */
  public record DeltaCrlSummary(
      String caName,
      long crlNumber,
      long baseCrlNumber,
      Instant thisUpdate,
      Instant nextUpdate,
      long entries) {}
}
