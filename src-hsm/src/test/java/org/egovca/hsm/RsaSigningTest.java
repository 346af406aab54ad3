package org.egovca.hsm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RsaSigningTest {

  @Test
  void rsa2048SignatureVerifiesAsSha256WithRsa(@TempDir Path directory) throws Exception {
    SoftwareCryptoToken token = TestSupport.newActiveToken(directory.resolve("token"));
    PublicKey publicKey = token.generateKeyPair("rsa-ca", KeyAlgorithm.RSA_2048);

    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
    assertEquals(PKCSObjectIdentifiers.rsaEncryption, info.getAlgorithm().getAlgorithm());
    assertEquals(DERNull.INSTANCE, info.getAlgorithm().getParameters());
    assertEquals(2048, ((RSAPublicKey) publicKey).getModulus().bitLength());
    assertEquals(KeyAlgorithm.RSA_2048, token.keyAlgorithm("rsa-ca"));

    byte[] data = "to be signed".getBytes(UTF_8);
    byte[] signature = token.sign("rsa-ca", SignatureAlgorithm.SHA256_WITH_RSA, data);
    assertEquals(256, signature.length);
    // PKCS#1 v1.5 is deterministic: a second signature is identical.
    assertArrayEquals(signature, token.sign("rsa-ca", SignatureAlgorithm.SHA256_WITH_RSA, data));

    // Verified with the JDK's own provider and with BouncyCastle.
    for (Signature verifier :
        new Signature[] {
          Signature.getInstance("SHA256withRSA"),
          Signature.getInstance("SHA256withRSA", TestSupport.BC)
        }) {
      verifier.initVerify(publicKey);
      verifier.update(data);
      assertTrue(verifier.verify(signature), verifier.getProvider().getName());
      verifier.initVerify(publicKey);
      verifier.update("other".getBytes(UTF_8));
      assertFalse(verifier.verify(signature), verifier.getProvider().getName());
    }
  }
}
