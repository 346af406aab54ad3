package org.egovca.ca.application.port;

import java.security.PublicKey;
import java.util.Objects;

/**
 * Port to the key management centre (KMC, CPS §6.1.4.10.2–3, GM/T 0014): it generates a holder's
 * encryption key pair, escrows the private key, and hands the CA the public key plus the private
 * key sealed for the holder. The CA never sees an encryption private key in clear.
 */
public interface KeyManagementCenter {

  /**
   * Generates and escrows an SM2 encryption key pair for a holder.
   *
   * @param holderSigningKey the holder's signing public key: the private key is enveloped to it
   * @param holder who the key is for (the subject DN), kept with the escrow record
   * @return the escrow reference, the public key and the GM/T 0009 SM2EnvelopedKey
   */
  EncryptionKey issueEncryptionKey(PublicKey holderSigningKey, String holder);

  /** Tells the KMC which certificate certifies an escrowed key (for recovery and archiving). */
  void bindCertificate(long escrowReference, long certificateId);

  /**
   * An encryption key pair as the CA receives it.
   *
   * @param escrowReference the KMC's reference of the escrowed private key
   * @param subjectPublicKeyInfo DER SubjectPublicKeyInfo of the encryption public key
   * @param envelopedPrivateKey DER SM2EnvelopedKey under the holder's signing public key
   */
  record EncryptionKey(
      long escrowReference, byte[] subjectPublicKeyInfo, byte[] envelopedPrivateKey) {
    public EncryptionKey {
      subjectPublicKeyInfo = Objects.requireNonNull(subjectPublicKeyInfo).clone();
      envelopedPrivateKey = Objects.requireNonNull(envelopedPrivateKey).clone();
    }

    @Override
    public byte[] subjectPublicKeyInfo() {
      return subjectPublicKeyInfo.clone();
    }

    @Override
    public byte[] envelopedPrivateKey() {
      return envelopedPrivateKey.clone();
    }
  }
}
