package org.egovca.ca.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.application.port.CertificatePublisher;
import org.egovca.ca.application.port.PublicationResult;
import org.egovca.ca.application.port.PublishedCertificate;

/**
 * Hands committed certificates to every {@link CertificatePublisher} (the directory) on a managed
 * thread, after the issuing transaction has committed: a slow or unreachable repository never
 * delays or rolls back issuance. A failed publication is logged; the persistent outbox with retries
 * until delivery is a later step (issue #5).
 */
@ApplicationScoped
public class PublicationDispatcher {

  private static final Logger LOG = Logger.getLogger(PublicationDispatcher.class.getName());

  /** Delays between attempts to publish the CA certificates while the directory starts. */
  private static final long[] CA_RETRY_SECONDS = {0, 2, 5, 10, 20, 40, 60};

  @Inject @Any private Instance<CertificatePublisher> publishers;

  @Resource private ManagedExecutorService executor;
  @Resource private ManagedScheduledExecutorService scheduler;

  void onIssued(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateIssued event) {
    if (!event.toDirectory()) {
      return;
    }
    PublishedCertificate certificate = event.certificate();
    executor.execute(() -> publishEverywhere(certificate, p -> p.certificateAdded(certificate)));
  }

  /** Publishes the new certificate of a CA whose key was rolled over. */
  void onRolledOver(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaKeyRolledOver event) {
    publishCaCertificates(List.of(event.newCaCertificate()));
  }

  /** Publishes the CA certificates, retrying for a while: the directory may still be starting. */
  public void publishCaCertificates(List<PublishedCertificate> caCertificates) {
    scheduleCaPublication(caCertificates, 0);
  }

  private void scheduleCaPublication(List<PublishedCertificate> caCertificates, int attempt) {
    scheduler.schedule(
        () -> {
          boolean all = true;
          for (PublishedCertificate ca : caCertificates) {
            all &= publishEverywhere(ca, p -> p.caCertificateAdded(ca));
          }
          if (!all && attempt + 1 < CA_RETRY_SECONDS.length) {
            scheduleCaPublication(caCertificates, attempt + 1);
          }
        },
        CA_RETRY_SECONDS[attempt],
        TimeUnit.SECONDS);
  }

  private boolean publishEverywhere(
      PublishedCertificate certificate, Function<CertificatePublisher, PublicationResult> action) {
    boolean all = true;
    for (CertificatePublisher publisher : publishers) {
      PublicationResult result = attempt(publisher, action);
      if (result.published()) {
        LOG.fine(() -> "published " + describe(certificate) + " to " + publisher.target());
      } else {
        all = false;
        LOG.warning(
            () ->
                "could not publish "
                    + describe(certificate)
                    + " to "
                    + publisher.target()
                    + ": "
                    + result.detail());
      }
    }
    return all;
  }

  private static PublicationResult attempt(
      CertificatePublisher publisher, Function<CertificatePublisher, PublicationResult> action) {
    try {
      return action.apply(publisher);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "publisher " + publisher.target() + " failed", e);
      return PublicationResult.failed(e.toString());
    }
  }

  private static String describe(PublishedCertificate certificate) {
    return "certificate serial="
        + certificate.serialNumber().toString(16)
        + " subject="
        + certificate.subjectDn();
  }
}
