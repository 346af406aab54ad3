package org.egovca.ca.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.egovca.ca.testing.OpenSslCommand;
import org.egovca.ca.testing.Pkcs12Contents;
import org.egovca.ca.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PKCS#12 a holder receives their generated key in: it opens with their password in
 * BouncyCastle and in OpenSSL, holds the key of its certificate and the CA certificate, is
 * encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) and MACed with HMAC-SHA256, and refuses a
 * wrong password.
 */
class HandoverPkcs12Test {

  private static final char[] PASSWORD = "Holder2Pass".toCharArray();

  @TempDir Path directory;

  private static X509CertificateHolder certificate(
      String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey, String algorithm) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new X509v3CertificateBuilder(
            new X500Name(issuer),
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            new X500Name(subject),
            TestKeys.spki(subjectKey.getPublic()))
        .build(TestKeys.signer(algorithm, issuerKey.getPrivate()));
  }

  /** A PKCS#12 of a new key of {@code holderKey}'s kind, certified by a new SM2 CA. */
  private static byte[] pkcs12(KeyPair holderKey, String caSubject) throws Exception {
    KeyPair caKey = TestKeys.sm2KeyPair();
    X509CertificateHolder ca = certificate(caSubject, caKey, caSubject, caKey, "SM3withSM2");
    X509CertificateHolder holder =
        certificate("CN=Zhang San,C=CN", holderKey, caSubject, caKey, "SM3withSM2");
    return HandoverPkcs12.build(
        holderKey.getPrivate().getEncoded(),
        List.of(holder.getEncoded(), ca.getEncoded()),
        "Zhang San",
        PASSWORD);
  }

  @Test
  void anSm2KeyOpensWithItsPasswordAndBelongsToItsCertificate() throws Exception {
    KeyPair holderKey = TestKeys.sm2KeyPair();
    Pkcs12Contents contents = Pkcs12Contents.open(pkcs12(holderKey, "CN=Test CA,C=CN"), PASSWORD);

    assertArrayEquals(holderKey.getPrivate().getEncoded(), contents.privateKey().getEncoded());
    assertTrue(contents.keyMatchesCertificate());
    assertEquals(2, contents.certificates().size());
    assertEquals(new X500Name("CN=Test CA,C=CN"), contents.certificates().get(1).getSubject());
  }

  @Test
  void theKeyIsEncryptedWithPbes2AesAndPbkdf2HmacSha256AndTheMacIsSha256() throws Exception {
    Pkcs12Contents contents =
        Pkcs12Contents.open(pkcs12(TestKeys.rsaKeyPair(2048), "CN=Test CA,C=CN"), PASSWORD);

    assertEquals(PKCSObjectIdentifiers.id_PBES2, contents.keyEncryption().getAlgorithm());
    PBES2Parameters pbes2 = PBES2Parameters.getInstance(contents.keyEncryption().getParameters());
    assertEquals(NISTObjectIdentifiers.id_aes256_CBC, pbes2.getEncryptionScheme().getAlgorithm());
    PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
    assertEquals(PKCSObjectIdentifiers.id_hmacWithSHA256, pbkdf2.getPrf().getAlgorithm());
    assertEquals(BigInteger.valueOf(HandoverPkcs12.ITERATIONS), pbkdf2.getIterationCount());
    assertEquals(NISTObjectIdentifiers.id_sha256, contents.macDigest().getAlgorithm());
    assertEquals(BigInteger.valueOf(HandoverPkcs12.ITERATIONS), contents.macIterations());
    assertTrue(contents.keyMatchesCertificate());
  }

  @Test
  void aWrongPasswordOpensNothing() throws Exception {
    byte[] pkcs12 = pkcs12(TestKeys.sm2KeyPair(), "CN=Test CA,C=CN");
    assertThrows(
        IllegalArgumentException.class,
        () -> Pkcs12Contents.open(pkcs12, "Holder2Pas".toCharArray()));
  }

  @Test
  void openSslReadsTheKeyAndBothCertificates() throws Exception {
    KeyPair holderKey = TestKeys.sm2KeyPair();
    Files.write(directory.resolve("holder.p12"), pkcs12(holderKey, "CN=Test CA,C=CN"));

    String info =
        OpenSslCommand.run(
            directory,
            "pkcs12",
            "-in",
            "holder.p12",
            "-passin",
            "pass:" + new String(PASSWORD),
            "-info",
            "-nodes",
            "-out",
            "holder.pem");
    assertTrue(info.contains("MAC: sha256, Iteration 600000"), info);
    assertTrue(
        info.contains("PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256"), info);
    String pem = Files.readString(directory.resolve("holder.pem"));
    assertEquals(2, pem.split("BEGIN CERTIFICATE").length - 1, pem);
    assertTrue(pem.contains("friendlyName: Zhang San"), pem);
    // the key OpenSSL found is the holder's: its public half is the certificate's
    String fromKey = OpenSslCommand.run(directory, "pkey", "-in", "holder.pem", "-pubout");
    String fromCertificate =
        OpenSslCommand.run(directory, "x509", "-in", "holder.pem", "-noout", "-pubkey");
    assertEquals(fromCertificate.strip(), fromKey.strip());

    OpenSslCommand.Result wrong =
        OpenSslCommand.runAllowingFailure(
            directory, "pkcs12", "-in", "holder.p12", "-passin", "pass:wrong-pass1", "-nodes");
    assertNotEquals(0, wrong.exitCode(), wrong.output());
  }
}
