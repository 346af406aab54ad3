package org.egovca.hsm.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.UnknownKeyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The life of a CA key in SoftHSM2, checked by OpenSSL as a relying party: generated in token A, it
 * signs a CA certificate and a CRL; backed up to token B and destroyed in A, it can no longer sign
 * there; restored from B into token C, it signs a CRL that verifies against the original
 * certificate.
 */
class Pkcs11CaKeyOpenSslTest {
  @TempDir Path work;

  private Pkcs11CryptoToken issuing;
  private Pkcs11CryptoToken backup;
  private Pkcs11CryptoToken restore;

  @BeforeEach
  void activateTokens() {
    issuing = SoftHsm.activeToken("issuing-ca");
    backup = SoftHsm.activeToken("backup");
    restore = SoftHsm.activeToken("restore");
  }

  @AfterEach
  void deactivateTokens() {
    issuing.deactivate();
    backup.deactivate();
    restore.deactivate();
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"RSA_2048", "EC_P256"})
  void caKeySignsIsBackedUpDestroyedRestoredAndSignsAgain(KeyAlgorithm algorithm) throws Exception {
    String alias = "issuing-" + algorithm.name();
    issuing.generateKeyPair(alias, algorithm);

    X509CertificateHolder ca = TestCa.selfSigned(issuing, alias, "Issuing CA " + algorithm);
    OpenSsl.writePem(work.resolve("ca.pem"), "CERTIFICATE", ca.getEncoded());
    OpenSsl.writePem(
        work.resolve("crl-1.pem"), "X509 CRL", TestCa.crl(issuing, alias, ca, 1).getEncoded());
    assertVerifies("verify", "-CAfile", "ca.pem", "ca.pem");
    assertVerifies("crl", "-in", "crl-1.pem", "-CAfile", "ca.pem", "-noout");

    issuing.backupKey(alias, backup);
    issuing.destroyKey(alias);
    assertFalse(issuing.containsKey(alias));
    assertThrows(
        UnknownKeyException.class,
        () -> issuing.sign(alias, SignatureAlgorithm.forKey(algorithm), new byte[] {1}));
    assertFalse(Pkcs11CryptoToken.open(SoftHsm.token("issuing-ca")).containsKey(alias));

    restore.restoreKey(alias, backup);
    assertArrayEquals(
        ca.getSubjectPublicKeyInfo().getEncoded(), restore.publicKey(alias).getEncoded());
    X509CRLHolder crl = TestCa.crl(restore, alias, ca, 2);
    OpenSsl.writePem(work.resolve("crl-2.pem"), "X509 CRL", crl.getEncoded());
    assertVerifies("crl", "-in", "crl-2.pem", "-CAfile", "ca.pem", "-noout");
    assertEquals(
        SignatureAlgorithm.forKey(algorithm).algorithmIdentifier(),
        crl.toASN1Structure().getSignatureAlgorithm());

    restore.destroyKey(alias);
    backup.destroyKey(alias);
  }

  private void assertVerifies(String... command) throws Exception {
    OpenSsl.Result result = OpenSsl.run(work, command);
    assertEquals(0, result.exitValue(), result.output());
    String expected = command[0].equals("verify") ? "ca.pem: OK" : "verify OK";
    assertTrue(result.output().contains(expected), result.output());
  }
}
