package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.egovca.ca.application.port.KeyManagementCenter;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.KeyPurpose;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.x509.SubjectKeys;
import org.egovca.hsm.KeyAlgorithm;

/**
 * The CA's half of a key recovery (CPS §7.1.3.8): which certificates a recovery may name, and the
 * RestoreKeyReq to the KMC that envelopes the escrowed key of an encryption certificate anew for a
 * recipient certificate's SM2 key. The review and the approvals that must come first are the RA's;
 * this service checks only what the certificates themselves allow.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class EncryptionKeyRecovery {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private IssuedCertificates issuedCertificates;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private KeyManagementCenter kmc;

  /**
   * The encryption certificate {@code serial}, whose key the KMC escrowed. It may be expired or
   * revoked: the holder still needs the key for what was encrypted to it.
   *
   * @throws Refusal UNKNOWN_CERTIFICATE, or INVALID_INPUT when it certifies no encryption key
   */
  public IssuedCertificate encryptionCertificate(BigInteger serial) {
    IssuedCertificate certificate = issuedCertificates.find(serial);
    if (purpose(certificate) != KeyPurpose.ENCRYPTION) {
      throw Refusal.invalid(
          "encryptionCertificate",
          "keyRecovery.notEncryption",
          "certificate "
              + certificate.getSerialNumberHex()
              + " ("
              + certificate.getProfile()
              + ") is no encryption certificate: only encryption keys are escrowed and recovered"
              + " (CPS 7.1.3.8), never signing keys");
    }
    return certificate;
  }

  /**
   * The holder's signing certificate {@code serial}, if it is valid now, certifies an SM2 key (the
   * envelope's recipient) and belongs to the holder of {@code encryption}: its pair, or a later
   * signing certificate of the same subject.
   *
   * @throws Refusal UNKNOWN_CERTIFICATE, or INVALID_INPUT naming what is wrong
   */
  public IssuedCertificate currentSigningCertificate(
      BigInteger serial, IssuedCertificate encryption, Instant now) {
    IssuedCertificate signing = issuedCertificates.find(serial);
    String which = "certificate " + signing.getSerialNumberHex();
    if (purpose(signing) != KeyPurpose.SIGNING) {
      throw signingRefused("keyRecovery.notSigning", which + " is no signing certificate");
    }
    if (!signing.isUsableAt(now)) {
      throw signingRefused(
          "keyRecovery.signingNotUsable",
          which
              + " is "
              + signing.statusAt(now)
              + ": the envelope is made only for the key of a current, valid signing certificate");
    }
    if (!sameHolder(signing, encryption)) {
      throw signingRefused(
          "keyRecovery.otherHolder",
          "encryption certificate "
              + encryption.getSerialNumberHex()
              + " ("
              + encryption.getSubjectDn()
              + ") is not of the holder of signing "
              + which
              + " ("
              + signing.getSubjectDn()
              + ")");
    }
    requireSm2("signingCertificate", subjectKey(signing.getEncoded()));
    return signing;
  }

  /**
   * The designated recipient certificate of a judicial recovery (PEM): valid now, certifying an SM2
   * key, and, if this CA issued it, not revoked.
   *
   * @return the certificate
   * @throws Refusal INVALID_INPUT naming what is wrong
   */
  public X509CertificateHolder recipientCertificate(String pem, Instant now) {
    X509CertificateHolder certificate = parse(pem);
    if (!certificate.isValidOn(Date.from(now))) {
      throw recipientRefused(
          "keyRecovery.recipientNotValid",
          "the recipient certificate is valid from "
              + certificate.getNotBefore().toInstant()
              + " to "
              + certificate.getNotAfter().toInstant()
              + ", not now");
    }
    requireSm2("recipientCertificate", certificate.getSubjectPublicKeyInfo());
    ours(certificate)
        .filter(issued -> !issued.isUsableAt(now))
        .ifPresent(
            issued -> {
              throw recipientRefused(
                  "keyRecovery.recipientNotValid",
                  "the recipient certificate "
                      + issued.getSerialNumberHex()
                      + " is "
                      + issued.statusAt(now));
            });
    return certificate;
  }

  /**
   * Has the KMC envelope the escrowed key of {@code encryption} for the key of {@code recipient}
   * (RestoreKeyReq). The KMC records its restoration even if the caller's transaction then rolls
   * back; the envelope is then lost, and a new recovery makes another.
   *
   * @return the DER GM/T 0009 SM2EnvelopedKey
   * @throws Refusal KMC_UNAVAILABLE or KMC_REFUSED
   */
  public byte[] recover(IssuedCertificate encryption, byte[] recipientCertificate) {
    SubjectPublicKeyInfo key = subjectKey(recipientCertificate);
    requireSm2("recipientCertificate", key);
    return kmc.recoverEncryptionKey(encryption.getSerialNumber(), SubjectKeys.toPublicKey(key));
  }

  /** Its pair, or a signing certificate of the same subject from the same CA (after a re-key). */
  private static boolean sameHolder(IssuedCertificate signing, IssuedCertificate encryption) {
    IssuedCertificate pair = signing.getPairedCertificate();
    return (pair != null && pair.getId().equals(encryption.getId()))
        || (signing.getSubjectDn().equals(encryption.getSubjectDn())
            && signing.getIssuer().getId().equals(encryption.getIssuer().getId()));
  }

  private KeyPurpose purpose(IssuedCertificate certificate) {
    return profiles.require(certificate.getProfile()).purpose();
  }

  private java.util.Optional<IssuedCertificate> ours(X509CertificateHolder certificate) {
    return entityManager
        .createQuery(
            "SELECT c FROM IssuedCertificate c WHERE c.fingerprintSha256 = :f",
            IssuedCertificate.class)
        .setParameter("f", sha256(encoded(certificate)))
        .getResultStream()
        .findFirst();
  }

  private static void requireSm2(String field, SubjectPublicKeyInfo key) {
    if (SubjectKeys.algorithmOf(key).orElse(null) != KeyAlgorithm.SM2_256) {
      throw Refusal.invalid(
          field,
          "keyRecovery.notSm2",
          "the envelope is a GM/T 0009 SM2 envelope: the "
              + ("signingCertificate".equals(field) ? "signing" : "recipient")
              + " certificate must certify an SM2 key, and it has an "
              + SubjectKeys.describe(key));
    }
  }

  private static X509CertificateHolder parse(String pem) {
    if (pem == null || pem.isBlank()) {
      throw recipientRefused(
          "field.required", "give the recipient certificate (PEM) the key is to be enveloped for");
    }
    PemObject object;
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      object = reader.readPemObject();
    } catch (IOException e) {
      object = null;
    }
    if (object == null || !"CERTIFICATE".equals(object.getType())) {
      throw recipientRefused(
          "keyRecovery.recipientUnreadable",
          "the recipient certificate must be one PEM block \"-----BEGIN CERTIFICATE-----\"");
    }
    try {
      return new X509CertificateHolder(object.getContent());
    } catch (IOException | RuntimeException e) {
      throw recipientRefused(
          "keyRecovery.recipientUnreadable",
          "the recipient certificate is no readable X.509 certificate: " + e.getMessage());
    }
  }

  private static SubjectPublicKeyInfo subjectKey(byte[] certificate) {
    try {
      return new X509CertificateHolder(certificate).getSubjectPublicKeyInfo();
    } catch (IOException e) {
      throw new IllegalStateException("a stored certificate is unreadable", e);
    }
  }

  private static byte[] encoded(X509CertificateHolder certificate) {
    try {
      return certificate.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("a parsed certificate cannot be encoded", e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static Refusal signingRefused(String key, String message) {
    return Refusal.invalid("signingCertificate", key, message);
  }

  private static Refusal recipientRefused(String key, String message) {
    return Refusal.invalid("recipientCertificate", key, message);
  }
}
