package org.egovca.delivery.domain;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** Self-signed CA certificates standing for an e-gov system's TLS CA, and their PEM. */
public final class TestAnchors {

  private TestAnchors() {}

  public static X509Certificate certificate(String subject) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      Instant now = Instant.now();
      byte[] der =
          new JcaX509v3CertificateBuilder(
                  new X500Name(subject),
                  BigInteger.valueOf(now.toEpochMilli()),
                  Date.from(now),
                  Date.from(now.plus(Duration.ofDays(365))),
                  new X500Name(subject),
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))
              .getEncoded();
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String pem(X509Certificate... certificates) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      for (X509Certificate certificate : certificates) {
        writer.writeObject(new PemObject("CERTIFICATE", certificate.getEncoded()));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return text.toString();
  }
}
