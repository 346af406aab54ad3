package org.egovca.delivery.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.IssuedCrl;
import org.egovca.delivery.application.DeliveryTarget;
import org.egovca.delivery.application.SyncMessages;
import org.egovca.delivery.domain.Delivery;
import org.egovca.delivery.domain.EgovSystem;
import org.egovca.sync.Recipient;
import org.egovca.sync.SyncClient;
import org.egovca.sync.SyncSignatureException;

/**
 * Delivers an e-gov system's queue through its unified sync interface (R21, R22): each item becomes
 * a message for that system (the recipient, its name and unit, is signed with the rest), signed by
 * the sync signer of the CA that issued what it carries, with the item's message id, so the system
 * applies it once however often it is sent ({@link SyncDelivery}).
 */
@ApplicationScoped
class EgovSystemTarget {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private SyncSigning signing;
  @Inject private SyncClients clients;

  @Inject private Clock clock;

  /** The target of {@code system}'s queue. */
  DeliveryTarget of(EgovSystem system) {
    Recipient recipient = new Recipient(system.getName(), system.getApplicationUnit().getCode());
    return () -> {
      try {
        return new Run(clients.forSystem(system), recipient);
      } catch (IllegalStateException brokenRule) {
        return new NotSent(brokenRule.getMessage());
      }
    };
  }

  /** A system whose subscription breaks the https rule gets nothing; its items wait. */
  private record NotSent(String why) implements DeliveryTarget.Session {
    @Override
    public DeliveryTarget.Outcome deliver(Delivery item) {
      return DeliveryTarget.Outcome.failed("not sent: " + why);
    }

    @Override
    public void close() {}
  }

  private final class Run implements DeliveryTarget.Session {
    private final SyncClient client;
    private final Recipient recipient;
    private final Map<String, SyncSigning.Signer> signers = new HashMap<>();

    Run(SyncClient client, Recipient recipient) {
      this.client = client;
      this.recipient = recipient;
    }

    @Override
    public DeliveryTarget.Outcome deliver(Delivery item) {
      Instant now = clock.instant();
      SyncSigning.Signer signer;
      try {
        signer = signers.get(item.getCaName());
        if (signer == null) {
          signer = signing.signerOf(item.getCaName());
          signers.put(item.getCaName(), signer);
        }
      } catch (SyncSignatureException e) {
        return SyncDelivery.notSigned(e);
      }
      return switch (item.getKind()) {
        case CERTIFICATE ->
            SyncDelivery.send(
                client,
                SyncMessages.certificate(
                    item,
                    recipient,
                    entityManager.find(IssuedCertificate.class, item.getCertificateId()),
                    now),
                signer);
        case CRL ->
            SyncDelivery.send(
                client,
                SyncMessages.crl(
                    item, recipient, entityManager.find(IssuedCrl.class, item.getCrlId()), now),
                signer);
        case CA_CERTIFICATE ->
            throw new IllegalStateException("CA certificates go to the directory only");
      };
    }

    @Override
    public void close() {}
  }
}
