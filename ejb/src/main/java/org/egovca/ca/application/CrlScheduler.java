package org.egovca.ca.application;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.infrastructure.CaConfiguration;

/**
 * When CRLs are issued (CPS §6.1.4.8.7–8): every few minutes each CA whose latest CRL is close to
 * its nextUpdate gets a new one (so the 24-hour cycle survives restarts, and with several servers
 * the CA row lock in {@link CrlIssuance} keeps them from issuing twice); after a revocation a CRL
 * follows within the configured delay, coalescing bursts; a key compromise is published at once. A
 * delta CRL follows each of these complete CRLs, and is renewed on its own shorter cycle.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CrlScheduler {

  private static final Logger LOG = Logger.getLogger(CrlScheduler.class.getName());
  static final String SCHEDULE_ACTOR = "system:crl-schedule";
  static final String REVOCATION_ACTOR = "system:crl-after-revocation";

  @Inject private CrlIssuance crls;
  @Inject private DeltaCrlIssuance deltaCrls;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CaConfiguration configuration;

  @Resource private ManagedScheduledExecutorService scheduler;

  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  /**
   * The regular cycles of complete and delta CRLs; also issues the first CRLs of a new CA. A delta
   * CRL is due as soon as a new complete CRL exists, so it follows that one in the same run.
   */
  @Schedule(hour = "*", minute = "*/5", persistent = false)
  public void issueDueCrls() {
    for (CertificateAuthority ca : certificateAuthorities.all()) {
      try {
        crls.issueIfDue(ca.getName(), SCHEDULE_ACTOR)
            .ifPresent(crl -> LOG.info(() -> "Issued " + crl));
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "could not issue the CRL of " + ca.getName(), e);
      }
      try {
        deltaCrls
            .issueIfDue(ca.getName(), SCHEDULE_ACTOR)
            .ifPresent(crl -> LOG.info(() -> "Issued " + crl));
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "could not issue the delta CRL of " + ca.getName(), e);
      }
    }
  }

  /** Observes committed revocations (an EJB observer must be a business method). */
  public void onRevoked(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked event) {
    boolean keyCompromise = event.reason().crlReason().map(code -> code == 1).orElse(false);
    Duration delay = keyCompromise ? Duration.ZERO : configuration.crlPublishDelay();
    if (keyCompromise || pending.add(event.caName())) {
      scheduler.schedule(
          () -> issueAfterRevocation(event.caName()), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void issueAfterRevocation(String caName) {
    pending.remove(caName);
    try {
      CrlIssuance.CrlSummary crl = crls.issue(caName, REVOCATION_ACTOR);
      LOG.info(() -> "Issued " + crl);
      deltaCrls
          .issue(caName, REVOCATION_ACTOR)
          .ifPresent(delta -> LOG.info(() -> "Issued " + delta));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "could not issue the CRLs of " + caName + "; the cycle will retry", e);
    }
  }
}
