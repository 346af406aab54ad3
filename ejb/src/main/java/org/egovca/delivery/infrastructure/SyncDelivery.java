package org.egovca.delivery.infrastructure;

import org.egovca.delivery.application.DeliveryTarget;
import org.egovca.sync.CanonicalPayload;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.SyncClient;
import org.egovca.sync.SyncDeliveryException;
import org.egovca.sync.SyncSignatureException;

/**
 * Sends one signed sync message and says whether it was delivered: only when the e-gov system's
 * receipt names the message and the digest of the payload sent ({@link SyncClient} checks both),
 * over TLS to a server the system's anchors vouch for. A DUPLICATE receipt means the system already
 * has the message: delivered. Anything else — a refusal, a receipt for other content, no answer —
 * is a failure in an operator's words; the item stays at the head of its queue and is sent again.
 */
final class SyncDelivery {

  /** Signs a canonical payload; the CA's sync signer in the crypto token, or a test's. */
  @FunctionalInterface
  interface PayloadSigner {
    byte[] sign(byte[] payload) throws SyncSignatureException;
  }

  private SyncDelivery() {}

  static DeliveryTarget.Outcome send(
      SyncClient client, CertificateSync message, PayloadSigner signer) {
    try {
      return DeliveryTarget.Outcome.ok(
          client.send(message, signer.sign(CanonicalPayload.of(message))).name());
    } catch (SyncDeliveryException e) {
      return failed(e);
    } catch (SyncSignatureException e) {
      return notSigned(e);
    }
  }

  static DeliveryTarget.Outcome send(SyncClient client, CrlSync message, PayloadSigner signer) {
    try {
      return DeliveryTarget.Outcome.ok(
          client.send(message, signer.sign(CanonicalPayload.of(message))).name());
    } catch (SyncDeliveryException e) {
      return failed(e);
    } catch (SyncSignatureException e) {
      return notSigned(e);
    }
  }

  private static DeliveryTarget.Outcome failed(SyncDeliveryException e) {
    return DeliveryTarget.Outcome.failed(
        e.faultCode() == null
            ? "not delivered: " + e.getMessage()
            : "refused by the e-gov system (" + e.faultCode() + "): " + e.getMessage());
  }

  static DeliveryTarget.Outcome notSigned(SyncSignatureException e) {
    return DeliveryTarget.Outcome.failed("could not sign the message: " + e.getMessage());
  }
}
