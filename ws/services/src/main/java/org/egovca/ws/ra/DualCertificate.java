package org.egovca.ws.ra;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The answer of {@code issueDualCertificate}: both certificates (base64 DER) and the encryption
 * private key as a GM/T 0009 SM2EnvelopedKey (base64 DER) that the holder opens with the signing
 * private key.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    name = "DualCertificate",
    propOrder = {"signatureCertificate", "encryptionCertificate", "envelopedPrivateKey"})
public class DualCertificate {

  private String signatureCertificate;
  private String encryptionCertificate;
  private String envelopedPrivateKey;

  public DualCertificate() {}

  DualCertificate(
      String signatureCertificate, String encryptionCertificate, String envelopedPrivateKey) {
    this.signatureCertificate = signatureCertificate;
    this.encryptionCertificate = encryptionCertificate;
    this.envelopedPrivateKey = envelopedPrivateKey;
  }

  public String getSignatureCertificate() {
    return signatureCertificate;
  }

  public String getEncryptionCertificate() {
    return encryptionCertificate;
  }

  public String getEnvelopedPrivateKey() {
    return envelopedPrivateKey;
  }
}
