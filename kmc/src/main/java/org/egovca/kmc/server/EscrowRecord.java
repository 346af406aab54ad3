package org.egovca.kmc.server;

import java.math.BigInteger;
import java.time.Instant;

/**
 * An escrowed encryption key pair as the KMC keeps it: the private key only as a GM/T 0009
 * SM2EnvelopedKey under the escrow key {@code escrowKeyAlias} of the KMC's token.
 *
 * @param caKeyHash SM3 of the requesting CA's protocol public key (its EntName.entPubKeyHash)
 * @param userCertNo the serial number of the encryption certificate, as the CA allocated it
 * @param publicKey DER SubjectPublicKeyInfo of the encryption public key
 * @param escrowedPrivateKey DER SM2EnvelopedKey under the escrow key; null once DESTROYED
 * @param holderPublicKey DER SubjectPublicKeyInfo of the signing key the CA asserted for the holder
 * @param userName AppUserInfo.userName as the CA sent it
 * @param state ACTIVE, REVOKED, ARCHIVED (the certificate expired; still restorable) or DESTROYED
 *     (10 years after the certificate expired; {@link EscrowRetention})
 * @param destroyedAt when the escrowed private key was destroyed; null unless DESTROYED
 */
record EscrowRecord(
    byte[] caKeyHash,
    BigInteger userCertNo,
    byte[] publicKey,
    byte[] escrowedPrivateKey,
    String escrowKeyAlias,
    byte[] holderPublicKey,
    byte[] userName,
    Instant notBefore,
    Instant notAfter,
    String state,
    Instant createdAt,
    BigInteger createdByTask,
    Instant destroyedAt) {

  static final String ACTIVE = "ACTIVE";
  static final String REVOKED = "REVOKED";
  static final String ARCHIVED = "ARCHIVED";
  static final String DESTROYED = "DESTROYED";
}
