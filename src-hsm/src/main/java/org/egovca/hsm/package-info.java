/**
 * Crypto tokens: where the CA's private keys are generated, kept, used, backed up and destroyed.
 * The rest of the CA sees only the {@link org.egovca.hsm.CryptoToken} contract, which hands out
 * public keys and signatures (directly or as a BouncyCastle {@code ContentSigner} for certificate,
 * CRL and OCSP builders) but never a private key in clear: a key moves to a backup token only as a
 * {@link org.egovca.hsm.WrappedKey} that only the receiving token can open. The one exception is
 * not a CA key: a holder's signing key pair the CA generated on the applicant's written request
 * (CPS §6.1.4.10.1) is handed to its holder once, and {@link org.egovca.hsm.ClearKeyRecipient}
 * opens it in memory for that. Two kinds implement it: the file-based {@link
 * org.egovca.hsm.SoftwareCryptoToken} (SM2, RSA, EC P-256) and the PKCS#11 token in {@code
 * org.egovca.hsm.pkcs11} (RSA, EC P-256). SM2 with SM3 is the primary algorithm; RSA and ECDSA with
 * SHA-256 remain for relying parties without SM2 support.
 *
 * <h2>SM2 in hardware: an SDF (GM/T 0018) device</h2>
 *
 * PKCS#11 modules such as SoftHSM2 have no SM2 mechanism, so SM2 CA keys stay on the software token
 * until a device with the SDF interface of GM/T 0018 is available. Such a token implements {@link
 * org.egovca.hsm.CryptoToken} the way the PKCS#11 token does: {@code activate} opens the device and
 * session ({@code SDF_OpenDevice}, {@code SDF_OpenSession}) and obtains the private key access
 * right with the PIN ({@code SDF_GetPrivateKeyAccessRight}); keys live in the device's numbered key
 * slots, so the token maps aliases to slot indexes; signing hashes in Java (SM3 over Z with the
 * user ID {@value org.egovca.hsm.SignatureAlgorithm#SM2_DEFAULT_USER_ID} and the data, exactly as
 * the PKCS#11 token hashes before {@code C_Sign}) and has the device sign the digest ({@code
 * SDF_InternalSign_ECC}), turning its {@code ECCSignature} (r, s) into the DER {@code SEQUENCE {r,
 * s}}; backup and restore use the device's key export under a key encryption key, or its vendor's
 * backup procedure, and destruction its key erasure function.
 */
package org.egovca.hsm;
