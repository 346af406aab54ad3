package org.egovca.hsm;

/** Whether a {@link CryptoToken} can currently use its private keys. */
public enum TokenStatus {
  /** The PIN was presented: the token signs and generates keys. */
  ACTIVE,
  /** Not activated, or deactivated: public keys are readable, private keys are not usable. */
  OFFLINE
}
