package org.egovca.ca.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** How the client certificate a SOAP caller presented is read before authentication. */
class ClientCertificateReadingTest {

  @Test
  void aWellFormedCertificateIsRead() throws Exception {
    byte[] der = certificate(BigInteger.valueOf(4711));
    Optional<X509CertificateHolder> read = ClientAuthenticator.readCertificate(der);
    assertTrue(read.isPresent());
    assertEquals(BigInteger.valueOf(4711), read.get().getSerialNumber());
  }

  @Test
  void aSerialNumberThatIsNotPositiveMakesItUnreadable() throws Exception {
    // authentication looks the serial up as hex, which refuses zero and negative numbers
    assertEquals(
        Optional.empty(), ClientAuthenticator.readCertificate(certificate(BigInteger.ZERO)));
    assertEquals(
        Optional.empty(), ClientAuthenticator.readCertificate(certificate(BigInteger.valueOf(-5))));
  }

  @Test
  void deeplyNestedOrTruncatedBytesAreUnreadableWithoutAnError() throws Exception {
    byte[] nested = new byte[40_000];
    for (int i = 0; i < 10_000; i++) {
      nested[2 * i] = 0x30;
      nested[2 * i + 1] = (byte) 0x80;
    }
    assertEquals(Optional.empty(), ClientAuthenticator.readCertificate(nested));
    byte[] valid = certificate(BigInteger.TEN);
    assertEquals(
        Optional.empty(),
        ClientAuthenticator.readCertificate(java.util.Arrays.copyOf(valid, valid.length - 7)));
  }

  private static byte[] certificate(BigInteger serial) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair key = generator.generateKeyPair();
    X500Name name = new X500Name("CN=client,O=测试单位,C=CN");
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            serial,
            new Date(),
            new Date(System.currentTimeMillis() + 86_400_000L),
            name,
            key.getPublic());
    return builder
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()))
        .getEncoded();
  }
}
