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
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.RetiredCaKey;

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
  private static final String CRL_WORK = "CRL issuance";

  @Inject private CrlIssuance crls;
  @Inject private DeltaCrlIssuance deltaCrls;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CaConfiguration configuration;
  @Inject private BackgroundSigning signing;

  @Resource private ManagedScheduledExecutorService scheduler;

  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  /**
   * The regular cycles of complete and delta CRLs; also issues the first CRLs of a new CA. A delta
   * CRL is due as soon as a new complete CRL exists, so it follows that one in the same run.
   * Skipped while the CA token is offline ({@link BackgroundSigning}).
   */
  @Schedule(hour = "*", minute = "*/5", persistent = false)
  public void issueDueCrls() {
    issueEveryKey(false);
  }

  /**
   * Once the CA token is active again ({@link SigningCatchUp}): the CRLs that fell due while it was
   * offline, and a new CRL of every CA key that revoked a certificate since its latest CRL, since
   * the CRL those revocations asked for waited too. (A revocation is accepted while the token is
   * offline: it takes no signature, and OCSP stops answering from its cache for that certificate;
   * the CRL that lists it follows the activation.)
   */
  public void catchUp() {
    issueEveryKey(true);
  }

  private void issueEveryKey(boolean alsoBehind) {
    if (!signing.mayRun(CRL_WORK)) {
      return;
    }
    for (CertificateAuthority ca : certificateAuthorities.all()) {
      issueIfDue(ca.getName(), ca.getKeyIndex(), alsoBehind);
      try {
        deltaCrls
            .issueIfDue(ca.getName(), SCHEDULE_ACTOR)
            .ifPresent(crl -> LOG.info(() -> "Issued " + crl));
      } catch (RuntimeException e) {
        if (!signing.stoppedByOfflineToken(CRL_WORK, e)) {
          LOG.log(Level.SEVERE, "could not issue the delta CRL of " + ca.getName(), e);
        }
      }
    }
    // A retired key signs the CRL of its certificates for as long as any can be valid.
    Instant now = Instant.now();
    for (RetiredCaKey key : certificateAuthorities.allRetiredKeys()) {
      if (CertificateAuthorities.holder(key.getCertificate())
          .getNotAfter()
          .toInstant()
          .isAfter(now)) {
        issueIfDue(key.getCa().getName(), key.getKeyIndex(), alsoBehind);
      }
    }
  }

  private void issueIfDue(String caName, int keyIndex, boolean alsoBehind) {
    try {
      (alsoBehind
              ? crls.issueIfDueOrBehind(caName, keyIndex, SCHEDULE_ACTOR)
              : crls.issueIfDue(caName, keyIndex, SCHEDULE_ACTOR))
          .ifPresent(crl -> LOG.info(() -> "Issued " + crl));
    } catch (RuntimeException e) {
      if (!signing.stoppedByOfflineToken(CRL_WORK, e)) {
        LOG.log(Level.SEVERE, "could not issue the CRL of " + caName + " key " + keyIndex, e);
      }
    }
  }

  /** Observes committed revocations (an EJB observer must be a business method). */
  public void onRevoked(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked event) {
    boolean keyCompromise = event.reason().crlReason().map(code -> code == 1).orElse(false);
    Duration delay = keyCompromise ? Duration.ZERO : configuration.crlPublishDelay();
    String key = event.caName() + "/" + event.caKeyIndex();
    if (keyCompromise || pending.add(key)) {
      scheduler.schedule(
          () -> issueAfterRevocation(event.caName(), event.caKeyIndex()),
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Issues the first CRLs of a new CA key as soon as the rollover has committed. */
  public void onRolledOver(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CaKeyRolledOver event) {
    scheduler.schedule(this::issueDueCrls, 0, TimeUnit.MILLISECONDS);
  }

  private void issueAfterRevocation(String caName, int keyIndex) {
    pending.remove(caName + "/" + keyIndex);
    if (!signing.mayRun(CRL_WORK)) {
      return; // the catch-up after the activation issues it
    }
    try {
      CrlIssuance.CrlSummary crl = crls.issue(caName, keyIndex, REVOCATION_ACTOR);
      LOG.info(() -> "Issued " + crl);
      deltaCrls
          .issue(caName, REVOCATION_ACTOR)
          .ifPresent(delta -> LOG.info(() -> "Issued " + delta));
    } catch (RuntimeException e) {
      if (!signing.stoppedByOfflineToken(CRL_WORK, e)) {
        LOG.log(
            Level.SEVERE, "could not issue the CRLs of " + caName + "; the cycle will retry", e);
      }
    }
  }
}
