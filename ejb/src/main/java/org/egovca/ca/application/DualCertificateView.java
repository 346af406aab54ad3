package org.egovca.ca.application;

import java.util.Objects;

/**
 * The result of a dual-certificate issuance (CPS §6.1.4.10, R3): the holder's signing certificate,
 * the encryption certificate, and the encryption private key in a GM/T 0009 SM2EnvelopedKey that
 * only the holder's signing private key opens.
 */
public record DualCertificateView(
    CertificateView signatureCertificate,
    CertificateView encryptionCertificate,
    byte[] envelopedPrivateKey) {

  public DualCertificateView {
    Objects.requireNonNull(signatureCertificate, "signatureCertificate");
    envelopedPrivateKey = envelopedPrivateKey == null ? null : envelopedPrivateKey.clone();
  }

  @Override
  public byte[] envelopedPrivateKey() {
    return envelopedPrivateKey == null ? null : envelopedPrivateKey.clone();
  }
}
