package org.egovca.kmc.protocol;

import java.util.Arrays;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.asn1.EntName;
import org.egovca.kmc.protocol.asn1.GmAlgorithms;

/**
 * GM/T 0014 {@code EntName}s of a CA and a KMC, made from and checked against their certificates:
 * SM3, the certificate's subject as a directoryName, SM3 of the subjectPublicKey BIT STRING's
 * content, and the certificate's serial number.
 */
public final class EntNames {

  private EntNames() {}

  /** The EntName of the holder of {@code certificate} (the CA's, or the KMC's protocol one). */
  public static EntName of(X509CertificateHolder certificate) {
    return new EntName(
        GmAlgorithms.SM3,
        certificate.getSubject(),
        keyHash(certificate.getSubjectPublicKeyInfo()),
        certificate.getSerialNumber());
  }

  /**
   * Passes when {@code name} names {@code certificate}: the receiver looked up the sender's
   * certificate by name, and now checks that the name also carries that certificate's serial number
   * and key hash.
   *
   * @throws KmcProtocolException UNSUPPORTED_ALGORITHM when the key hash is not SM3, UNKNOWN_SENDER
   *     when a field differs
   */
  public static void requireNames(EntName name, X509CertificateHolder certificate)
      throws KmcProtocolException {
    if (!GmAlgorithms.SM3.getAlgorithm().equals(name.getHashAlgorithm().getAlgorithm())) {
      throw new KmcProtocolException(
          Refusal.UNSUPPORTED_ALGORITHM,
          "EntName.hashAlgorithm "
              + name.getHashAlgorithm().getAlgorithm()
              + " is not SM3 "
              + GmAlgorithms.SM3.getAlgorithm());
    }
    if (!name.getEntName().equals(certificate.getSubject())) {
      throw unknown("the subject");
    }
    if (!name.getSerialNumber().equals(certificate.getSerialNumber())) {
      throw unknown("the serial number");
    }
    if (!Arrays.equals(name.getEntPubKeyHash(), keyHash(certificate.getSubjectPublicKeyInfo()))) {
      throw unknown("the public key hash");
    }
  }

  private static KmcProtocolException unknown(String field) {
    return new KmcProtocolException(
        Refusal.UNKNOWN_SENDER, "the sender's EntName differs from its certificate in " + field);
  }

  private static byte[] keyHash(SubjectPublicKeyInfo key) {
    byte[] point = key.getPublicKeyData().getBytes();
    SM3Digest sm3 = new SM3Digest();
    sm3.update(point, 0, point.length);
    byte[] hash = new byte[sm3.getDigestSize()];
    sm3.doFinal(hash, 0);
    return hash;
  }
}
