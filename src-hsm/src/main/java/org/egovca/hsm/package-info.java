/**
 * Crypto tokens: where the CA's private keys are generated, kept and used. The rest of the CA sees
 * only the {@link org.egovca.hsm.CryptoToken} contract, which hands out public keys and signatures
 * (directly or as a BouncyCastle {@code ContentSigner} for certificate, CRL and OCSP builders) but
 * never a private key, so that replacing the file-based {@link org.egovca.hsm.SoftwareCryptoToken}
 * by a hardware module changes no caller. SM2 with SM3 is the primary algorithm; RSA with SHA-256
 * remains for relying parties without SM2 support.
 */
package org.egovca.hsm;
