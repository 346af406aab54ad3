/**
 * KMC cryptography: the SM2 pieces the CA needs to deliver a key-management-centre generated
 * encryption key pair to its holder (SPEC R3, R14; CPS §6.1.4.10.2–3).
 *
 * <ul>
 *   <li>{@link org.egovca.ca.kmc.Sm2Cipher}: SM2 public-key encryption in the GM/T 0009 §7.2 {@code
 *       SM2Cipher} DER form (C1, C3, C2 order);
 *   <li>{@link org.egovca.ca.kmc.Sm2EnvelopedKey}: the GM/T 0009 §7.4 {@code SM2EnvelopedKey}
 *       digital envelope, sealed under the holder's signing public key;
 *   <li>{@link org.egovca.ca.kmc.EncryptionKeyPairs}: SM2 encryption key pairs with standard
 *       SubjectPublicKeyInfo and PKCS#8 encodings.
 * </ul>
 *
 * <p>Everything runs on BouncyCastle's lightweight API over the optimised {@code sm2p256v1} curve;
 * JCA objects are only built at the edges, with the application's own provider instance.
 */
package org.egovca.ca.kmc;
