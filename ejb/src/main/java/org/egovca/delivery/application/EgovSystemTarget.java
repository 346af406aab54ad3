package org.egovca.delivery.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.egovca.ca.domain.CertificateRevocationList;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.delivery.domain.Delivery;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.sync.CanonicalPayload;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.SyncClient;
import org.egovca.sync.SyncDeliveryException;
import org.egovca.sync.SyncOutcome;
import org.egovca.sync.SyncSignatureException;

/**
 * Delivers an e-gov system's channel through its unified sync interface (R21, R22): each item
 * becomes a message signed by the CA that issued what it carries, with the item's message id, so
 * the system applies it once however often it is sent. A DUPLICATE answer means the system already
 * has it: delivered.
 */
@ApplicationScoped
class EgovSystemTarget {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CaSignatures signatures;
  @Inject private SyncClients clients;

  private final Clock clock = Clock.systemUTC();

  /** The target of {@code system}'s channel. */
  DeliveryTarget of(EgovSystem system) {
    SyncClient client = clients.forEndpoint(system.getEndpoint());
    return () -> new Run(client);
  }

  private final class Run implements DeliveryTarget.Session {
    private final SyncClient client;
    private final Map<String, CaSignatures.Signer> signers = new HashMap<>();

    Run(SyncClient client) {
      this.client = client;
    }

    @Override
    public DeliveryTarget.Outcome deliver(Delivery item) {
      Instant now = clock.instant();
      try {
        CaSignatures.Signer signer =
            signers.computeIfAbsent(item.getCaName(), signatures::signerOf);
        SyncOutcome outcome =
            switch (item.getKind()) {
              case CERTIFICATE -> {
                CertificateSync message =
                    SyncMessages.certificate(
                        item,
                        entityManager.find(IssuedCertificate.class, item.getCertificateId()),
                        now);
                yield client.send(message, signer.sign(CanonicalPayload.of(message)));
              }
              case CRL -> {
                CrlSync message =
                    SyncMessages.crl(
                        item,
                        entityManager.find(CertificateRevocationList.class, item.getCrlId()),
                        now);
                yield client.send(message, signer.sign(CanonicalPayload.of(message)));
              }
              case CA_CERTIFICATE ->
                  throw new IllegalStateException("CA certificates go to the directory only");
            };
        return DeliveryTarget.Outcome.ok(outcome.name());
      } catch (SyncDeliveryException e) {
        return DeliveryTarget.Outcome.failed(
            e.faultCode() == null
                ? "not delivered: " + e.getMessage()
                : "refused by the e-gov system (" + e.faultCode() + "): " + e.getMessage());
      } catch (SyncSignatureException e) {
        return DeliveryTarget.Outcome.failed("could not sign the message: " + e.getMessage());
      }
    }

    @Override
    public void close() {}
  }
}
