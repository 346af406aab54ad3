package org.egovca.ca.application.port;

import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * Port to the key management centre (KMC, CPS §6.1.4.10.2–3, GM/T 0014): a separate component with
 * its own database and token, which generates a holder's encryption key pair, escrows the private
 * key, and hands the CA the public key plus the private key sealed for the holder. The CA never
 * sees an encryption private key in clear.
 *
 * <p>An escrowed key is named, as in GM/T 0014, by the serial number of the encryption certificate
 * that certifies it ({@code userCertNo}): the CA allocates the serial before it asks for the key.
 *
 * <p>Failures are {@link org.egovca.ca.domain.Refusal}s: {@code KMC_UNAVAILABLE} when the KMC
 * cannot be reached or refuses the message, {@code KMC_REFUSED} when it refuses the request.
 */
public interface KeyManagementCenter {

  /**
   * Has the KMC generate and escrow an SM2 encryption key pair for a holder (ApplyKeyReq).
   *
   * @param holderSigningKey the holder's signing public key: the private key is enveloped to it
   * @param holder who the key is for (the subject DN), kept with the escrow record
   * @param certificateSerial the serial number of the encryption certificate to be issued
   * @param notBefore the encryption certificate's validity (the escrowed key's)
   * @param notAfter its end
   * @return the public key and the GM/T 0009 SM2EnvelopedKey
   */
  EncryptionKey issueEncryptionKey(
      PublicKey holderSigningKey,
      String holder,
      BigInteger certificateSerial,
      Instant notBefore,
      Instant notAfter);

  /**
   * The escrowed key of the encryption certificate {@code certificateSerial} enveloped anew for
   * {@code recipient} (RestoreKeyReq: holder recovery, a new envelope under the holder's current
   * signing key); the KMC records the recipient the CA asserted. The review and approvals that must
   * come before it are the caller's.
   *
   * @return the DER GM/T 0009 SM2EnvelopedKey under {@code recipient}
   */
  byte[] recoverEncryptionKey(BigInteger certificateSerial, PublicKey recipient);

  /**
   * Marks the escrowed key of the encryption certificate {@code certificateSerial} revoked
   * (RevokeKeyReq): the certificate was revoked, or never issued.
   */
  void revokeEncryptionKey(BigInteger certificateSerial);

  /**
   * An encryption key pair as the CA receives it.
   *
   * @param subjectPublicKeyInfo DER SubjectPublicKeyInfo of the encryption public key
   * @param envelopedPrivateKey DER SM2EnvelopedKey under the holder's signing public key
   */
  record EncryptionKey(byte[] subjectPublicKeyInfo, byte[] envelopedPrivateKey) {
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
