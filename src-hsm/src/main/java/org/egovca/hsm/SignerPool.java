package org.egovca.hsm;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;

/**
 * Initialised signers for one private key. A lightweight {@link Signer} is cheap to run but costly
 * to initialise and not thread-safe, so each signature borrows an idle signer (or creates one when
 * all are busy) and returns it afterwards; the pool grows to the highest number of concurrent
 * signers and no further.
 */
final class SignerPool {
  private final Supplier<Signer> factory;
  private final Queue<Signer> idle = new ConcurrentLinkedQueue<>();

  SignerPool(Supplier<Signer> factory) {
    this.factory = factory;
  }

  byte[] sign(byte[] data) {
    Signer signer = idle.poll();
    if (signer == null) {
      signer = factory.get();
    }
    signer.reset();
    signer.update(data, 0, data.length);
    byte[] signature;
    try {
      signature = signer.generateSignature();
    } catch (CryptoException e) {
      throw new CryptoTokenException("signing failed", e);
    }
    // Only a signer that completed normally goes back; a failed one is dropped.
    idle.offer(signer);
    return signature;
  }

  /**
   * A signer fed as the data arrives, for large inputs such as a CRL's TBSCertList: nothing is
   * buffered. The borrowed signer returns to the pool when the signature is made.
   */
  Streaming streaming() {
    Signer signer = idle.poll();
    if (signer == null) {
      signer = factory.get();
    }
    signer.reset();
    return new Streaming(signer);
  }

  /** One signature in progress; not thread-safe, used once. */
  final class Streaming {
    private final Signer signer;
    private boolean finished;

    private Streaming(Signer signer) {
      this.signer = signer;
    }

    void update(byte[] data, int offset, int length) {
      if (finished) {
        throw new IllegalStateException("the signature is already made");
      }
      signer.update(data, offset, length);
    }

    byte[] finish() {
      if (finished) {
        throw new IllegalStateException("the signature is already made");
      }
      finished = true;
      byte[] signature;
      try {
        signature = signer.generateSignature();
      } catch (CryptoException e) {
        throw new CryptoTokenException("signing failed", e);
      }
      idle.offer(signer);
      return signature;
    }
  }

  /** Drops the idle signers, and with them their references to the private key. */
  void clear() {
    idle.clear();
  }
}
