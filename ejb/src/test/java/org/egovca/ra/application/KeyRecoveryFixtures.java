package org.egovca.ra.application;

import static org.egovca.ra.application.RaServiceFixtures.applicationForm;
import static org.egovca.ra.application.RaServiceFixtures.certificateRequest;
import static org.egovca.ra.application.RaServiceFixtures.idScan;
import static org.egovca.ra.application.RaServiceFixtures.service;
import static org.egovca.ra.application.RaServiceFixtures.shared;
import static org.egovca.ra.application.RaServiceFixtures.uniqueName;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.egovca.kmc.protocol.EnvelopedKeys;
import org.egovca.ra.domain.Application;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.servicetier.ServiceTier;

/** Holders with dual certificates, and recipient certificates, for the key recovery tests. */
final class KeyRecoveryFixtures {

  private KeyRecoveryFixtures() {}

  /**
   * A holder whose dual certificates the console issued: their signing key pair, the serials of
   * both certificates, and the encryption key pair they opened from the issuance's envelope.
   */
  record Holder(
      KeyPair signing, String signingSerial, String encryptionSerial, KeyPair encryption) {}

  /** A new holder of an SM2 signing certificate and its paired encryption certificate. */
  static Holder dualCertificateHolder() {
    KeyPair signing = TestKeys.sm2KeyPair();
    ApplicationForm form = applicationForm(uniqueName("Holder "), null);
    form.setPkcs10(certificateRequest(signing, "SM3withSM2"));
    form.setDualCertificate(true);
    long id =
        service(ApplicationDesk.class)
            .submit(shared(OperatorRole.ENTRY_CLERK).token(), form, idScan());
    service(ApplicationReview.class).approve(shared(OperatorRole.REVIEWER).token(), id, null);
    return ServiceTier.inTransaction(
        em -> {
          Application application = em.find(Application.class, id);
          try {
            return new Holder(
                signing,
                application.getCertificate().getSerialNumberHex(),
                application.getEncryptionCertificate().getSerialNumberHex(),
                EnvelopedKeys.open(application.getEnvelopedKey(), signing.getPrivate()));
          } catch (Exception e) {
            throw new IllegalStateException("the issuance's envelope does not open", e);
          }
        });
  }

  /** A self-signed certificate (PEM) of {@code key}, valid around the services' clock. */
  static String recipientCertificate(KeyPair key, String algorithm) {
    Instant now = ServiceTier.clock().instant();
    X500Name subject = new X500Name("CN=" + uniqueName("Recipient ") + ",O=Haidian Court,C=CN");
    try {
      return Pem.text(
          "CERTIFICATE",
          new X509v3CertificateBuilder(
                  subject,
                  BigInteger.valueOf(now.toEpochMilli()),
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(Duration.ofDays(365))),
                  subject,
                  TestKeys.spki(key.getPublic()))
              .build(TestKeys.signer(algorithm, key.getPrivate()))
              .getEncoded());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
