package org.egovca.ldap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTrustTest {

  @TempDir Path folder;

  private static X509Certificate server(String subject, GeneralName... alternativeNames)
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=Test CA"),
            BigInteger.ONE,
            Date.from(now),
            Date.from(now.plusSeconds(3600)),
            new X500Name(subject),
            keys.getPublic());
    if (alternativeNames.length > 0) {
      builder.addExtension(
          Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }

  @Test
  void anIpAddressMustBeAnIpAddressAlternativeName() throws Exception {
    X509Certificate certificate =
        server(
            "CN=127.0.0.1",
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.dNSName, "ldap.example.cn"));
    assertTrue(ServerTrust.names(certificate, "127.0.0.1"));
    assertFalse(ServerTrust.names(certificate, "127.0.0.2"));
    assertFalse(ServerTrust.names(server("CN=127.0.0.1"), "127.0.0.1"), "never by common name");
  }

  @Test
  void aHostNameMatchesADnsNameOrAWildcardOfOneLabel() throws Exception {
    X509Certificate certificate =
        server(
            "CN=ignored.example.cn",
            new GeneralName(GeneralName.dNSName, "ldap-master.gov.example.cn"),
            new GeneralName(GeneralName.dNSName, "*.dir.example.cn"));
    assertTrue(ServerTrust.names(certificate, "LDAP-master.gov.example.cn"));
    assertTrue(ServerTrust.names(certificate, "slave1.dir.example.cn"));
    assertFalse(ServerTrust.names(certificate, "a.slave1.dir.example.cn"));
    assertFalse(ServerTrust.names(certificate, "dir.example.cn"));
    assertFalse(ServerTrust.names(certificate, "ignored.example.cn"), "the CN is not consulted");
  }

  @Test
  void theCommonNameCountsOnlyWithoutDnsNames() throws Exception {
    assertTrue(ServerTrust.names(server("CN=ldap.example.cn,O=Bureau"), "ldap.example.cn"));
    assertFalse(ServerTrust.names(server("CN=other.example.cn"), "ldap.example.cn"));
  }

  @Test
  void trustsOnlyThePemBundleNeverTheJvmsTrustStore() throws Exception {
    Path empty = Files.writeString(folder.resolve("empty.pem"), "");
    assertThrows(GeneralSecurityException.class, () -> ServerTrust.forHost("h", empty));
    Path anchors =
        Files.writeString(
            folder.resolve("anchors.pem"),
            "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder()
                    .encodeToString(server("CN=ldap.example.cn").getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    assertTrue(ServerTrust.forHost("h", anchors).length == 1);
    GeneralSecurityException none =
        assertThrows(GeneralSecurityException.class, () -> ServerTrust.forHost("h", null));
    assertTrue(
        none.getMessage().contains("egovca.ldap.tls.trustedCertificates"), none.getMessage());
  }
}
