package org.egovca.kmc.protocol.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Key pairs and signers for tests. They all come from {@link #BC}, the tests' own BouncyCastle
 * provider instance, which is passed explicitly and never registered with {@code
 * Security.addProvider}, just as the application does with its own instance.
 */
public final class TestKeys {

  /** The tests' BouncyCastle provider; pass it to JCA factories and builders. */
  public static final Provider BC = new BouncyCastleProvider();

  private TestKeys() {}

  /** A new key pair on the SM2 curve (sm2p256v1). */
  public static KeyPair sm2KeyPair() {
    return ecKeyPair("sm2p256v1");
  }

  /** A new EC key pair on the named {@code curve}, for example {@code secp256r1}. */
  public static KeyPair ecKeyPair(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static SubjectPublicKeyInfo spki(PublicKey key) {
    return SubjectPublicKeyInfo.getInstance(key.getEncoded());
  }

  /** A JCA signer for {@code algorithm} (for example {@code SM3withSM2}) with {@code key}. */
  public static ContentSigner signer(String algorithm, PrivateKey key) {
    try {
      return new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }
}
