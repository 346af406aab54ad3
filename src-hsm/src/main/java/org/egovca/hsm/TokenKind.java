package org.egovca.hsm;

/** How a {@link CryptoToken} keeps its keys. */
public enum TokenKind {
  /** Key files encrypted under a key derived from the PIN ({@link SoftwareCryptoToken}). */
  SOFTWARE,
  /**
   * A cryptographic module behind a PKCS#11 library (a hardware security module, or SoftHSM2 in
   * tests and small installations); the private keys never leave the module in clear.
   */
  PKCS11
}
