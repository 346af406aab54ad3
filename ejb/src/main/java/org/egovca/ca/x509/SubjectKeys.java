package org.egovca.ca.x509;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.egovca.hsm.KeyAlgorithm;

/** Recognises the key algorithm of a SubjectPublicKeyInfo. */
public final class SubjectKeys {

  private SubjectKeys() {}

  /** The key as a JCA public key (BouncyCastle), for APIs that want one. */
  public static java.security.PublicKey toPublicKey(SubjectPublicKeyInfo key) {
    try {
      return new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter()
          .setProvider(BouncyCastle.provider())
          .getPublicKey(key);
    } catch (org.bouncycastle.openssl.PEMException e) {
      throw new IllegalArgumentException("unreadable public key", e);
    }
  }

  /** The key algorithm, or empty when it is none we issue for. */
  public static Optional<KeyAlgorithm> algorithmOf(SubjectPublicKeyInfo key) {
    ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
      Object parameters = key.getAlgorithm().getParameters();
      return GMObjectIdentifiers.sm2p256v1.equals(parameters)
          ? Optional.of(KeyAlgorithm.SM2_256)
          : Optional.empty();
    }
    if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
      switch (rsaModulusBits(key)) {
        case 1024:
          return Optional.of(KeyAlgorithm.RSA_1024);
        case 2048:
          return Optional.of(KeyAlgorithm.RSA_2048);
        default:
          return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static int rsaModulusBits(SubjectPublicKeyInfo key) {
    try {
      return RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength();
    } catch (java.io.IOException | IllegalArgumentException e) {
      return -1;
    }
  }

  /**
   * A short description of any key, for error messages ("EC key on curve 1.2.840.10045.3.1.7", "RSA
   * 3072-bit key").
   */
  public static String describe(SubjectPublicKeyInfo key) {
    ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
      return "EC key on curve " + key.getAlgorithm().getParameters();
    }
    if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
      return "RSA " + rsaModulusBits(key) + "-bit key";
    }
    return "key of algorithm " + algorithm.getId();
  }
}
