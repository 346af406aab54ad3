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

  /** Drops the idle signers, and with them their references to the private key. */
  void clear() {
    idle.clear();
  }
}
