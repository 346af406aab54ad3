package org.egovca.hsm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A key pair taken out of its token in clear, for its holder: the private key of its public key.
 */
class ClearKeyRecipientTest {
  private static final byte[] DATA = "signed by the holder".getBytes(UTF_8);

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"SM2_256", "RSA_2048", "EC_P256"})
  void theReceivedPrivateKeySignsWhatTheTokensPublicKeyVerifies(KeyAlgorithm algorithm)
      throws Exception {
    SoftwareCryptoToken token = TestSupport.newActiveToken(directory);
    PublicKey publicKey = token.generateKeyPair("holder", algorithm);

    byte[] privateKeyInfo = ClearKeyRecipient.receive(token, "holder");

    String signatureAlgorithm =
        switch (algorithm) {
          case SM2_256 -> "SM3withSM2";
          case EC_P256 -> "SHA256withECDSA";
          default -> "SHA256withRSA";
        };
    String keyType = algorithm == KeyAlgorithm.RSA_2048 ? "RSA" : "EC";
    PrivateKey privateKey =
        KeyFactory.getInstance(keyType, TestSupport.BC)
            .generatePrivate(new PKCS8EncodedKeySpec(privateKeyInfo));
    Signature signer = Signature.getInstance(signatureAlgorithm, TestSupport.BC);
    signer.initSign(privateKey);
    signer.update(DATA);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(signatureAlgorithm, TestSupport.BC);
    verifier.initVerify(
        KeyFactory.getInstance(keyType, TestSupport.BC)
            .generatePublic(new java.security.spec.X509EncodedKeySpec(publicKey.getEncoded())));
    verifier.update(DATA);
    assertTrue(verifier.verify(signature));
    assertTrue(token.containsKey("holder"), "the key stays in the token until it is destroyed");
  }

  @Test
  void anOfflineTokenHandsOutNothing() {
    SoftwareCryptoToken token = TestSupport.newActiveToken(directory);
    token.generateKeyPair("holder", KeyAlgorithm.SM2_256);
    token.deactivate();
    assertThrows(TokenOfflineException.class, () -> ClearKeyRecipient.receive(token, "holder"));
  }

  @Test
  void aDestroyedKeyIsGone() {
    SoftwareCryptoToken token = TestSupport.newActiveToken(directory);
    token.generateKeyPair("holder", KeyAlgorithm.SM2_256);
    token.destroyKey("holder");
    assertThrows(UnknownKeyException.class, () -> ClearKeyRecipient.receive(token, "holder"));
  }
}
