package org.egovca.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dual certificates (CPS §6.1.4.10, R3): one request yields the signing certificate and, with an
 * SM2 key pair from the KMC, the encryption certificate for the same subject; the holder opens the
 * GM/T 0009 envelope with OpenSSL and the signing key and decrypts what OpenSSL encrypted to the
 * encryption certificate, while nothing of the CA (database, files) holds that key in clear;
 * revoking one revokes both.
 */
@ExtendWith(DeployedEar.class)
class DualCertificateIT {

  @TempDir Path directory;

  @Test
  void holderReceivesAPairAndOpensTheEnvelopeWithOpenSsl(CaServer server) throws Exception {
    String csr = TestRequests.sm2(directory, "holder");
    String subject = "CN=Dual " + UUID.randomUUID().toString().substring(0, 8) + ",O=测试单位,C=CN";
    RaSoapClient.Dual dual = client(server).issueDualCertificate("personal-sign", subject, csr);
    assertNull(dual.faultString(), dual.faultString());

    X509CertificateHolder signing = new X509CertificateHolder(dual.signatureCertificate());
    X509CertificateHolder encryption = new X509CertificateHolder(dual.encryptionCertificate());
    assertArrayEquals(signing.getSubject().getEncoded(), encryption.getSubject().getEncoded());
    assertKeyUsage(signing, KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    assertKeyUsage(
        encryption, KeyUsage.keyEncipherment | KeyUsage.dataEncipherment | KeyUsage.keyAgreement);
    verifiesAgainstTheIssuingCa(server, "signing.pem", signing);
    verifiesAgainstTheIssuingCa(server, "encryption.pem", encryption);

    // The holder's side, done by OpenSSL: SM2-decrypt the SM4 key with the signing key, then
    // SM4-ECB-decrypt the private key; it must be the key of the encryption certificate.
    ASN1Sequence envelope = ASN1Sequence.getInstance(dual.envelopedPrivateKey());
    assertEquals(4, envelope.size());
    Files.write(
        directory.resolve("sm4key.der"), envelope.getObjectAt(1).toASN1Primitive().getEncoded());
    Commands.ok(
        directory,
        "openssl",
        "pkeyutl",
        "-decrypt",
        "-inkey",
        "holder.key",
        "-in",
        "sm4key.der",
        "-out",
        "sm4.key");
    Files.write(
        directory.resolve("d.enc"), ASN1BitString.getInstance(envelope.getObjectAt(3)).getOctets());
    Commands.ok(
        directory,
        "openssl",
        "enc",
        "-d",
        "-sm4-ecb",
        "-nopad",
        "-K",
        HexFormat.of().formatHex(Files.readAllBytes(directory.resolve("sm4.key"))),
        "-in",
        "d.enc",
        "-out",
        "d.bin");
    byte[] d = Files.readAllBytes(directory.resolve("d.bin"));
    assertEquals(32, d.length);
    X9ECParameters sm2 = CustomNamedCurves.getByName("sm2p256v1");
    ECPoint derived = sm2.getG().multiply(new BigInteger(1, d)).normalize();
    ECPoint certified =
        sm2.getCurve()
            .decodePoint(encryption.getSubjectPublicKeyInfo().getPublicKeyData().getOctets());
    assertEquals(certified, derived, "the enveloped key is the encryption certificate's key");
    assertArrayEquals(
        encryption.getSubjectPublicKeyInfo().getPublicKeyData().getOctets(),
        ASN1BitString.getInstance(envelope.getObjectAt(2)).getOctets());

    theHolderDecryptsWhatIsEncryptedToTheEncryptionCertificate(encryption, d);
    theCaHoldsTheKeyNowhere(server, d);

    Records records = new Records(server);
    assertEquals(
        encryption.getSerialNumber().toString(16),
        records.certificate(signing.getSerialNumber()).pairedSerial(),
        "the signing certificate is paired with the encryption certificate");
    assertEquals("personal-enc", records.certificate(encryption.getSerialNumber()).profile());
    assertEquals(
        1,
        records.escrowedKeysOf(encryption.getSerialNumber()),
        "the KMC escrowed the encryption key and knows its certificate");
  }

  @Test
  void revokingTheSigningCertificateRevokesTheEncryptionCertificateToo(CaServer server)
      throws Exception {
    RaSoapClient.Dual dual =
        client(server)
            .issueDualCertificate(
                "personal-sign",
                "CN=Pair " + UUID.randomUUID().toString().substring(0, 8) + ",C=CN",
                TestRequests.sm2(directory, "pair"));
    assertNull(dual.faultString(), dual.faultString());
    String signing =
        new X509CertificateHolder(dual.signatureCertificate()).getSerialNumber().toString(16);
    assertNull(client(server).revokeCertificate(signing, "E", "HOLDER").faultString());
    assertEquals("revoked (keyCompromise)", RelyingParty.status(dual.encryptionCertificate()));
  }

  @Test
  void rsaSigningKeyCannotReceiveAnSm2Envelope(CaServer server) throws Exception {
    Records records = new Records(server);
    long before = records.certificateCount();
    RaSoapClient.Dual dual =
        client(server)
            .issueDualCertificate(
                "personal-sign", "CN=RSA holder,C=CN", TestRequests.rsa(directory, "rsa", 2048));
    assertEquals("UNSUPPORTED_KEY", dual.faultCode());
    assertTrue(dual.faultString().contains("needs an SM2 signing key"), dual.faultString());
    assertEquals(before, records.certificateCount());
  }

  /** OpenSSL encrypts to the encryption certificate; the holder's opened key decrypts. */
  private void theHolderDecryptsWhatIsEncryptedToTheEncryptionCertificate(
      X509CertificateHolder encryption, byte[] d) throws Exception {
    Files.writeString(directory.resolve("encryption.pem"), OpenSslSm2.pem(encryption.getEncoded()));
    Files.writeString(directory.resolve("plain.txt"), "for the holder only", UTF_8);
    Commands.ok(
        directory,
        "openssl",
        "pkeyutl",
        "-encrypt",
        "-certin",
        "-inkey",
        "encryption.pem",
        "-in",
        "plain.txt",
        "-out",
        "cipher.der");
    X9ECParameters sm2 = CustomNamedCurves.getByName("sm2p256v1");
    AlgorithmIdentifier sm2Key =
        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1);
    PrivateKeyInfo key =
        new PrivateKeyInfo(
            sm2Key,
            new org.bouncycastle.asn1.sec.ECPrivateKey(
                sm2.getN().bitLength(), new BigInteger(1, d), null, null));
    Files.writeString(
        directory.resolve("encryption.key"),
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    Commands.ok(
        directory,
        "openssl",
        "pkeyutl",
        "-decrypt",
        "-inkey",
        "encryption.key",
        "-in",
        "cipher.der",
        "-out",
        "decrypted.txt");
    assertEquals(
        "for the holder only", Files.readString(directory.resolve("decrypted.txt"), UTF_8));
  }

  /**
   * Nothing of the CA holds the encryption private key in clear: no row of its database (every
   * column, as the database superuser reads it), no file of its instance (logs, data directory,
   * token, the database cluster's files).
   */
  private static void theCaHoldsTheKeyNowhere(CaServer server, byte[] d) throws Exception {
    String hex = HexFormat.of().formatHex(d);
    String base64 = Base64.getEncoder().encodeToString(d);
    try (Connection connection = server.databaseAsSuperuser();
        Statement statement = connection.createStatement();
        ResultSet tables =
            statement.executeQuery(
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString(1));
      }
      for (String table : names) {
        try (PreparedStatement rows =
            connection.prepareStatement(
                "SELECT count(*) FROM \""
                    + table
                    + "\" t"
                    + " WHERE position(? in t::text) > 0 OR position(? in t::text) > 0")) {
          rows.setString(1, hex);
          rows.setString(2, base64);
          try (ResultSet count = rows.executeQuery()) {
            count.next();
            assertEquals(0, count.getLong(1), "table " + table + " holds the private key");
          }
        }
      }
    }
    byte[][] patterns = {d, hex.getBytes(UTF_8), base64.getBytes(UTF_8)};
    try (Stream<Path> files = Files.walk(server.home())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(file);
        for (byte[] pattern : patterns) {
          assertTrue(indexOf(content, pattern) < 0, () -> file + " holds the private key");
        }
      }
    }
  }

  private static int indexOf(byte[] content, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= content.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (content[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void assertKeyUsage(X509CertificateHolder certificate, int bits) {
    Extension keyUsage = certificate.getExtension(Extension.keyUsage);
    assertTrue(keyUsage.isCritical());
    assertEquals(new KeyUsage(bits), KeyUsage.getInstance(keyUsage.getParsedValue()));
  }

  private void verifiesAgainstTheIssuingCa(
      CaServer server, String name, X509CertificateHolder certificate) throws Exception {
    Files.writeString(directory.resolve(name), OpenSslSm2.pem(certificate.getEncoded()));
    Files.writeString(
        directory.resolve("issuing.pem"),
        OpenSslSm2.pem(
            PkiHttpIT.parse(Files.readAllBytes(server.caChainPem())).get(0).getEncoded()));
    String out =
        Commands.ok(
            directory,
            "openssl",
            "verify",
            "-vfyopt",
            "distid:1234567812345678",
            "-partial_chain",
            "-CAfile",
            "issuing.pem",
            name);
    assertTrue(out.contains(": OK"), out);
  }

  private static RaSoapClient client(CaServer server) throws Exception {
    return new RaSoapClient(Tls.remoteRa(server), server.httpsBase());
  }
}
