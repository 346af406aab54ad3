package org.egovca.hsm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * The state of an active {@link SoftwareCryptoToken}: the token key (to encrypt new keys), the
 * unlocked keys and the private halves of transport keys waiting for their import.
 */
final class TokenSession {
  volatile WrappingKey key;
  final Map<String, SignerPool> signers;
  final Map<String, AsymmetricKeyParameter> transportKeys = new ConcurrentHashMap<>();

  TokenSession(WrappingKey key, Map<String, SignerPool> signers) {
    this.key = key;
    this.signers = signers;
  }

  /** The token key after a PIN change; the old one is destroyed. */
  void replaceKey(WrappingKey newKey) {
    WrappingKey old = key;
    key = newKey;
    old.destroy();
  }

  void destroy() {
    signers.values().forEach(SignerPool::clear);
    signers.clear();
    transportKeys.clear();
    key.destroy();
  }
}
