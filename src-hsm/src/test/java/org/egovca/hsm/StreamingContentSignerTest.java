package org.egovca.hsm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Path;
import java.security.Signature;
import org.bouncycastle.operator.ContentSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The software token's content signer hashes as bytes arrive: a large content written in chunks
 * signs correctly, and a signer makes exactly one signature.
 */
class StreamingContentSignerTest {

  @TempDir Path directory;

  @Test
  void largeContentWrittenInChunksIsSignedCorrectly() throws Exception {
    SoftwareCryptoToken token = TestSupport.newActiveToken(directory);
    var publicKey = token.generateKeyPair("ca", KeyAlgorithm.SM2_256);
    ContentSigner signer = token.contentSigner("ca", SignatureAlgorithm.SM3_WITH_SM2);
    Signature verifier = Signature.getInstance("SM3withSM2", TestSupport.BC);
    verifier.initVerify(publicKey);
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream content = signer.getOutputStream()) {
      for (int i = 0; i < 320; i++) { // 20 MiB, never held at once
        chunk[0] = (byte) i;
        content.write(chunk);
        verifier.update(chunk);
      }
      content.write(7);
      verifier.update((byte) 7);
    }
    assertTrue(verifier.verify(signer.getSignature()));
  }

  @Test
  void aContentSignerMakesOneSignature() {
    SoftwareCryptoToken token = TestSupport.newActiveToken(directory);
    token.generateKeyPair("rsa", KeyAlgorithm.RSA_2048);
    ContentSigner signer = token.contentSigner("rsa", SignatureAlgorithm.SHA256_WITH_RSA);
    signer.getSignature();
    assertThrows(IllegalStateException.class, signer::getSignature);
  }

  @Test
  void anOfflineTokenGivesNoContentSigner() {
    SoftwareCryptoToken token = TestSupport.newActiveToken(directory);
    token.generateKeyPair("ca", KeyAlgorithm.SM2_256);
    token.deactivate();
    assertThrows(
        TokenOfflineException.class,
        () -> token.contentSigner("ca", SignatureAlgorithm.SM3_WITH_SM2));
  }
}
