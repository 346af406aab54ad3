package org.egovca.ca.application;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The signing work that waits for an active CA token: at a start whose token is active, and after
 * the key custodians activate it ({@link CaTokenActivated}), the delegated OCSP responders and sync
 * signers due are renewed, then the CRLs due are issued, with those that miss a revocation accepted
 * while the token was offline. Each part checks the token itself and does only what is due, so
 * running it twice issues nothing twice.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SigningCatchUp {

  @Inject private OcspResponders ocspResponders;
  @Inject private SyncSigners syncSigners;
  @Inject private CrlScheduler crlScheduler;
  @Inject private BackgroundSigning signing;

  @Resource private ManagedExecutorService executor;

  /** One catch-up at a time: the start's and the activation's could meet, and renew twice. */
  private final AtomicBoolean running = new AtomicBoolean();

  /**
   * After the activation has committed: the catch-up runs on a managed thread of its own, not in
   * the activation ceremony's request, which it could keep waiting for a large CRL.
   */
  public void onActivated(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CaTokenActivated event) {
    executor.execute(this::signWhatIsDue);
  }

  /**
   * Renews the delegated signers due, then issues the CRLs due or behind; nothing while the token
   * is offline. Responders first, so that OCSP signs with a valid certificate as soon as it can.
   */
  public void signWhatIsDue() {
    if (!signing.mayRun("the catch-up of signing work") || !running.compareAndSet(false, true)) {
      return; // offline, or a catch-up already under way does the same work
    }
    try {
      ocspResponders.renewDue();
      syncSigners.renewDue();
      crlScheduler.catchUp();
    } finally {
      running.set(false);
    }
  }
}
