package org.egovca.ldap.slapd;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The master's TLS files: a throwaway CA ({@code ca.pem}, what a client trusts) and a server
 * certificate and key ({@code server.pem}, {@code server.key}, owner-only), EC P-256 in PEM as
 * slapd's GnuTLS reads them. The certificate names {@code 127.0.0.1} and {@value #SERVER_NAME} but
 * not {@code localhost}, so a test that reaches the master as {@code localhost} meets a trusted
 * certificate that does not name the host it asked for.
 */
final class TlsFiles {

  /** The DNS name the server certificate carries besides 127.0.0.1. */
  static final String SERVER_NAME = "ldap-master.test";

  private static final Provider BC = new BouncyCastleProvider();

  private final Path caCertificate;
  private final Path serverCertificate;
  private final Path serverKey;

  private TlsFiles(Path folder) {
    caCertificate = folder.resolve("ca.pem");
    serverCertificate = folder.resolve("server.pem");
    serverKey = folder.resolve("server.key");
  }

  /** Creates the CA and the server's certificate and key in {@code folder}. */
  static TlsFiles create(Path folder) throws IOException {
    Files.createDirectories(folder);
    TlsFiles files = new TlsFiles(folder);
    try {
      KeyPair caKeys = keyPair();
      X500Name caName = new X500Name("CN=slapd test CA,O=iFutureCA test,C=CN");
      X509CertificateHolder ca =
          sign(
              builder(caName, caName, caKeys)
                  .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                  .addExtension(
                      Extension.keyUsage,
                      true,
                      new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
              caKeys);
      KeyPair serverKeys = keyPair();
      X509CertificateHolder server =
          sign(
              builder(caName, new X500Name("CN=" + SERVER_NAME + ",C=CN"), serverKeys)
                  .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                  .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                  .addExtension(
                      Extension.subjectAlternativeName,
                      false,
                      new GeneralNames(
                          new GeneralName[] {
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, SERVER_NAME)
                          })),
              caKeys);
      write(files.caCertificate, pem(ca));
      write(files.serverCertificate, pem(server));
      write(files.serverKey, pem(serverKeys.getPrivate()));
      Files.setPosixFilePermissions(files.serverKey, PosixFilePermissions.fromString("rw-------"));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Could not make the test TLS certificates", e);
    }
    return files;
  }

  Path caCertificate() {
    return caCertificate;
  }

  Path serverCertificate() {
    return serverCertificate;
  }

  Path serverKey() {
    return serverKey;
  }

  private static JcaX509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair subjectKeys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, new SecureRandom()),
        Date.from(now.minus(1, ChronoUnit.HOURS)),
        Date.from(now.plus(1, ChronoUnit.DAYS)),
        subject,
        subjectKeys.getPublic());
  }

  private static X509CertificateHolder sign(X509v3CertificateBuilder builder, KeyPair issuer)
      throws OperatorCreationException {
    return builder.build(
        new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(issuer.getPrivate()));
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.US_ASCII);
  }
}
