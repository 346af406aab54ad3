package org.egovca.hsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContentSignerTest {
  private static final X500Name ISSUER = new X500Name("CN=Test Root CA,O=e-Gov,C=CN");

  @TempDir static Path directory;
  private static SoftwareCryptoToken token;

  @BeforeAll
  static void generateKeys() {
    token = TestSupport.newActiveToken(directory.resolve("token"));
    token.generateKeyPair("SM2_256", KeyAlgorithm.SM2_256);
    token.generateKeyPair("RSA_2048", KeyAlgorithm.RSA_2048);
    token.generateKeyPair("EC_P256", KeyAlgorithm.EC_P256);
    token.generateKeyPair("other-sm2", KeyAlgorithm.SM2_256);
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"SM2_256", "RSA_2048", "EC_P256"})
  void selfSignedCertificateVerifies(KeyAlgorithm keyAlgorithm) throws Exception {
    String alias = keyAlgorithm.name();
    SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.forKey(keyAlgorithm);
    PublicKey publicKey = token.publicKey(alias);
    Instant now = Instant.now();

    X509CertificateHolder certificate =
        new X509v3CertificateBuilder(
                ISSUER,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now),
                Date.from(now.plus(365, ChronoUnit.DAYS)),
                ISSUER,
                SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()))
            .build(token.contentSigner(alias, signatureAlgorithm));

    assertEquals(signatureAlgorithm.algorithmIdentifier(), certificate.getSignatureAlgorithm());
    assertTrue(certificate.isSignatureValid(verifierFor(publicKey)));
  }

  @Test
  void crlSignedThroughTheContentSignerVerifies() throws Exception {
    Date now = new Date();
    X509CRLHolder crl =
        new X509v2CRLBuilder(ISSUER, now)
            .addCRLEntry(BigInteger.TEN, now, CRLReason.keyCompromise)
            .build(token.contentSigner("SM2_256", SignatureAlgorithm.SM3_WITH_SM2));

    assertTrue(crl.isSignatureValid(verifierFor(token.publicKey("SM2_256"))));
    assertFalse(crl.isSignatureValid(verifierFor(token.publicKey("other-sm2"))));
  }

  @Test
  void contentSignerRefusesUnknownAliasAndMismatchedAlgorithmUpFront() {
    assertThrows(
        UnknownKeyException.class,
        () -> token.contentSigner("missing", SignatureAlgorithm.SM3_WITH_SM2));
    assertThrows(
        IllegalArgumentException.class,
        () -> token.contentSigner("SM2_256", SignatureAlgorithm.SHA256_WITH_RSA));
  }

  private static ContentVerifierProvider verifierFor(PublicKey publicKey) throws Exception {
    return new JcaContentVerifierProviderBuilder().setProvider(TestSupport.BC).build(publicKey);
  }
}
