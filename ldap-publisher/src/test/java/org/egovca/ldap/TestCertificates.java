package org.egovca.ldap;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.egovca.ca.application.port.PublishedCertificate;

/** Self-signed EC P-256 certificates for the tests, described as the CA core hands them over. */
final class TestCertificates {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestCertificates() {}

  /** A fresh certificate for {@code subject}, with the subject DN as the JDK prints it. */
  static PublishedCertificate issue(String subject) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      // parsed as RFC 4514 (most specific RDN first) and encoded root first, as a CA does
      X500Name name = X500Name.getInstance(new X500Principal(subject).getEncoded());
      BigInteger serial = new BigInteger(64, RANDOM);
      Instant now = Instant.now();
      X509CertificateHolder holder =
          new JcaX509v3CertificateBuilder(
                  name,
                  serial,
                  Date.from(now.minus(1, ChronoUnit.MINUTES)),
                  Date.from(now.plus(1, ChronoUnit.DAYS)),
                  name,
                  keys.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
      return new PublishedCertificate(
          "iFutureCA Root",
          certificate.getSubjectX500Principal().getName(),
          serial,
          certificate.getEncoded());
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }
}
