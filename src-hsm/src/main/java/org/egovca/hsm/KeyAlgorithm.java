package org.egovca.hsm;

/**
 * Asymmetric key types a {@link CryptoToken} can generate and use.
 *
 * <p>SM2 is the national algorithm mandated for e-government certificates; RSA and ECDSA on NIST
 * P-256 stay available for relying parties that cannot yet validate SM2. Which algorithm a CA or
 * holder profile may use is decided by the profile, not by the token; which a token can hold is
 * decided by the token (a PKCS#11 module such as SoftHSM2 has no SM2 mechanism).
 */
public enum KeyAlgorithm {
  /** SM2 on the curve sm2p256v1 (GB/T 32918, GM/T 0003). */
  SM2_256("SM2 (sm2p256v1)", 256),
  /** RSA with a 2048-bit modulus. */
  RSA_2048("RSA 2048", 2048),
  /**
   * RSA with a 1024-bit modulus. Legacy: only for holder profiles that explicitly allow it, never
   * for CA keys.
   */
  RSA_1024("RSA 1024 (legacy)", 1024),
  /** RSA with a 4096-bit modulus. */
  RSA_4096("RSA 4096", 4096),
  /**
   * ECDSA on NIST P-256 (secp256r1, prime256v1; FIPS 186-4): a CA key type for relying parties
   * without SM2, and the elliptic-curve type hardware tokens without SM2 can hold.
   */
  EC_P256("EC P-256 (secp256r1)", 256);

  private final String displayName;
  private final int keySize;

  KeyAlgorithm(String displayName, int keySize) {
    this.displayName = displayName;
    this.keySize = keySize;
  }

  /** Name for administrators and log messages, for example {@code "SM2 (sm2p256v1)"}. */
  public String displayName() {
    return displayName;
  }

  /** Key size in bits: the curve's field size for SM2 and P-256, the modulus length for RSA. */
  public int keySize() {
    return keySize;
  }

  /** Whether this is one of the RSA sizes. */
  boolean isRsa() {
    return this == RSA_1024 || this == RSA_2048 || this == RSA_4096;
  }
}
