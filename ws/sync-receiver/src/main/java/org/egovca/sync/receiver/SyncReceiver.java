package org.egovca.sync.receiver;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.sync.CanonicalPayload;
import org.egovca.sync.CertificateSync;
import org.egovca.sync.CrlSync;
import org.egovca.sync.Recipient;
import org.egovca.sync.SyncFaultCode;
import org.egovca.sync.SyncOutcome;
import org.egovca.sync.SyncSignatureException;
import org.egovca.sync.SyncSignatureVerifier;
import org.egovca.sync.TrustedCaCertificates;
import org.egovca.sync.wire.WireMessages;
import org.egovca.sync.ws.SyncCertificate;
import org.egovca.sync.ws.SyncCrl;

/**
 * What the receiver does with a message, in this order: read the fields (MALFORMED), rebuild the
 * canonical payload and verify the signature of the CA's sync signer with the certificates trusted
 * for the CA name (UNKNOWN_CA, NOT_SIGNED_BY_CA, SIGNED_BY_CA_KEY, NOT_A_SYNC_SIGNER,
 * SIGNER_NOT_VALID, BAD_SIGNATURE), check that the message is for this receiver's e-gov system
 * (WRONG_RECIPIENT: a message the CA made for another system, replayed here), check the certificate
 * or CRL inside against the CA and the fields (NOT_ISSUED_BY_CA, FIELD_MISMATCH), then store it
 * exactly once (APPLIED or DUPLICATE; RECEIVER_ERROR when storage fails). The signature is checked
 * before the message id, so a forged message never learns whether an id is known. Every rejection
 * is logged and kept in the {@link RejectionLog}. The receipt names the SHA-256 of the verified
 * payload.
 */
public final class SyncReceiver {

  private static final Logger LOG = Logger.getLogger(SyncReceiver.class.getName());

  private final Recipient identity;
  private final TrustedCaCertificates trust;
  private final SyncSignatureVerifier signatures;
  private final IssuanceCheck issuance = new IssuanceCheck();
  private final MessageStore store;
  private final RejectionLog rejections;

  /** Messages received again since the start: a sender's retries, which changed nothing. */
  private final AtomicLong duplicates = new AtomicLong();

  /**
   * @param identity the e-gov system this receiver serves, as the CA registered it
   */
  public SyncReceiver(
      Recipient identity,
      TrustedCaCertificates trust,
      MessageStore store,
      RejectionLog rejections) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.trust = trust;
    this.signatures = new SyncSignatureVerifier(trust);
    this.store = store;
    this.rejections = rejections;
  }

  /** A receiver on the trust and store directories of these settings. */
  public static SyncReceiver open(ReceiverSettings settings) throws IOException {
    return new SyncReceiver(
        settings.identity(),
        new TrustDirectory(settings.trustDirectory()),
        MessageStore.open(settings.storeDirectory()),
        new RejectionLog());
  }

  /**
   * Applies a certificate sync request.
   *
   * @throws SyncRejectedException with the fault code to answer, already logged and kept
   */
  public Receipt receive(SyncCertificate request) throws SyncRejectedException {
    try {
      CertificateSync message = read(request);
      byte[] signature = signature(request.getSignature());
      byte[] payload = CanonicalPayload.of(message);
      List<X509CertificateHolder> caCertificates = verify(message.caName(), payload, signature);
      forThisSystem(message.recipient());
      issuance.certificate(message, caCertificates);
      SyncOutcome outcome = stored(() -> store.store(message, payload, signature));
      LOG.log(
          Level.INFO,
          "{0} {1} {2} of CA {3}, serial {4}, status {5}",
          new Object[] {
            outcome,
            message.messageId(),
            message.businessType(),
            message.caName(),
            message.serialNumber(),
            message.status()
          });
      return new Receipt(message.messageId(), outcome, payload);
    } catch (SyncRejectedException e) {
      throw rejected("syncCertificate", request.getMessageId(), request.getCaName(), e);
    }
  }

  /**
   * Applies a CRL sync request.
   *
   * @throws SyncRejectedException with the fault code to answer, already logged and kept
   */
  public Receipt receive(SyncCrl request) throws SyncRejectedException {
    try {
      CrlSync message = read(request);
      byte[] signature = signature(request.getSignature());
      byte[] payload = CanonicalPayload.of(message);
      List<X509CertificateHolder> caCertificates = verify(message.caName(), payload, signature);
      forThisSystem(message.recipient());
      issuance.crl(message, caCertificates);
      SyncOutcome outcome = stored(() -> store.store(message, payload, signature));
      LOG.log(
          Level.INFO,
          "{0} {1} CRL {2} of CA {3}",
          new Object[] {outcome, message.messageId(), message.crlNumber(), message.caName()});
      return new Receipt(message.messageId(), outcome, payload);
    } catch (SyncRejectedException e) {
      throw rejected("syncCrl", request.getMessageId(), request.getCaName(), e);
    }
  }

  /** The e-gov system this receiver serves. */
  public Recipient identity() {
    return identity;
  }

  public MessageStore store() {
    return store;
  }

  public RejectionLog rejections() {
    return rejections;
  }

  /** How many deliveries since the start carried a message already stored. */
  public long duplicates() {
    return duplicates.get();
  }

  private static CertificateSync read(SyncCertificate request) throws SyncRejectedException {
    try {
      return WireMessages.certificateSync(request);
    } catch (IllegalArgumentException e) {
      throw new SyncRejectedException(SyncFaultCode.MALFORMED, e.getMessage());
    }
  }

  private static CrlSync read(SyncCrl request) throws SyncRejectedException {
    try {
      return WireMessages.crlSync(request);
    } catch (IllegalArgumentException e) {
      throw new SyncRejectedException(SyncFaultCode.MALFORMED, e.getMessage());
    }
  }

  private static byte[] signature(byte[] received) throws SyncRejectedException {
    try {
      return WireMessages.signature(received);
    } catch (IllegalArgumentException e) {
      throw new SyncRejectedException(SyncFaultCode.MALFORMED, e.getMessage());
    }
  }

  private List<X509CertificateHolder> verify(String caName, byte[] payload, byte[] signature)
      throws SyncRejectedException {
    try {
      signatures.verify(caName, payload, signature);
    } catch (SyncSignatureException e) {
      throw new SyncRejectedException(SyncFaultCode.of(e.reason()), e.getMessage());
    }
    return trust.forCaName(caName);
  }

  /**
   * Refuses a message the CA made for another e-gov system: its signature is genuine, so without
   * this check a message for one unit's system could be replayed into another's.
   */
  private void forThisSystem(Recipient recipient) throws SyncRejectedException {
    if (!identity.equals(recipient)) {
      throw new SyncRejectedException(
          SyncFaultCode.WRONG_RECIPIENT,
          "the message is for e-gov system " + recipient + ", this receiver serves " + identity);
    }
  }

  @FunctionalInterface
  private interface Storing {
    SyncOutcome store() throws IOException;
  }

  private SyncOutcome stored(Storing storing) throws SyncRejectedException {
    try {
      SyncOutcome outcome = storing.store();
      if (outcome == SyncOutcome.DUPLICATE) {
        duplicates.incrementAndGet();
      }
      return outcome;
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "cannot store a sync message", e);
      throw new SyncRejectedException(
          SyncFaultCode.RECEIVER_ERROR, "the receiver cannot store the message now");
    }
  }

  private SyncRejectedException rejected(
      String operation, String messageId, String caName, SyncRejectedException e) {
    Rejection rejection = rejections.record(operation, messageId, caName, e.code(), e.getMessage());
    LOG.log(
        Level.WARNING,
        "rejected {0} {1} of CA {2}: {3} {4}",
        new Object[] {
          operation, rejection.messageId(), rejection.caName(), e.code(), e.getMessage()
        });
    return e;
  }
}
