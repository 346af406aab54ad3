package org.egovca.ca.x509.crl;

import static org.egovca.ca.testing.TestKeys.BC;
import static org.egovca.ca.x509.crl.CrlFixtures.RSA_KEY;
import static org.egovca.ca.x509.crl.CrlFixtures.SM2_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.PublicKey;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.egovca.ca.testing.TestKeys;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRLs signed through the crypto token verify with BouncyCastle, for SM2 and RSA keys. */
class CrlWriterSignatureTest {

  @TempDir static Path tokenDirectory;

  private static SoftwareCryptoToken token;

  @BeforeAll
  static void token() {
    token = CrlFixtures.token(tokenDirectory.resolve("token"));
  }

  @Test
  void sm2SignedCrlVerifies() throws Exception {
    X509CRLHolder crl = signed(SM2_KEY, SignatureAlgorithm.SM3_WITH_SM2);

    assertTrue(crl.isSignatureValid(verifier(token.publicKey(SM2_KEY))));
    PublicKey otherKey = TestKeys.sm2KeyPair().getPublic();
    assertFalse(crl.isSignatureValid(verifier(otherKey)), "another SM2 key must not verify it");
  }

  @Test
  void rsaSignedCrlVerifies() throws Exception {
    X509CRLHolder crl = signed(RSA_KEY, SignatureAlgorithm.SHA256_WITH_RSA);

    assertTrue(crl.isSignatureValid(verifier(token.publicKey(RSA_KEY))));
  }

  @Test
  void signatureAlgorithmIsWrittenInBothPlaces() throws Exception {
    X509CRLHolder crl = signed(SM2_KEY, SignatureAlgorithm.SM3_WITH_SM2);

    CertificateList list = crl.toASN1Structure();
    assertEquals(
        SignatureAlgorithm.SM3_WITH_SM2.algorithmIdentifier(), list.getSignatureAlgorithm());
    assertEquals(
        SignatureAlgorithm.SM3_WITH_SM2.algorithmIdentifier(),
        list.getTBSCertList().getSignature());
    // GM/T 0015: SM3withSM2 with absent parameters
    assertNull(list.getSignatureAlgorithm().getParameters());
  }

  @Test
  void signerOfAnotherAlgorithmIsRefusedBeforeAnythingIsWritten() {
    CrlContent sm2Content = CrlFixtures.full(SignatureAlgorithm.SM3_WITH_SM2.algorithmIdentifier());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CrlWriter.write(
                    sm2Content,
                    CrlFixtures.mixedEntries()::iterator,
                    token.contentSigner(RSA_KEY, SignatureAlgorithm.SHA256_WITH_RSA),
                    out));
    assertTrue(e.getMessage().contains("signature algorithm"), e.getMessage());
    assertEquals(0, out.size());
  }

  private static X509CRLHolder signed(String alias, SignatureAlgorithm algorithm) throws Exception {
    CrlContent content =
        CrlContent.full(
            CrlFixtures.ISSUER,
            CrlFixtures.KEY_ID,
            BigInteger.valueOf(7),
            CrlFixtures.THIS_UPDATE,
            CrlFixtures.NEXT_UPDATE,
            algorithm.algorithmIdentifier(),
            null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CrlWriter.write(
        content, CrlFixtures.mixedEntries()::iterator, token.contentSigner(alias, algorithm), out);
    X509CRLHolder crl = new X509CRLHolder(out.toByteArray());
    assertEquals(CrlFixtures.mixedEntries().size(), crl.getRevokedCertificates().size());
    return crl;
  }

  private static ContentVerifierProvider verifier(PublicKey key) throws Exception {
    return new JcaContentVerifierProviderBuilder().setProvider(BC).build(key);
  }
}
