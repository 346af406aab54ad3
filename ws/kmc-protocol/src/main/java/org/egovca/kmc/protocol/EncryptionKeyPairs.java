package org.egovca.kmc.protocol;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Generates the SM2 encryption key pairs that the KMC makes, escrows and delivers (SPEC R3, R14;
 * GM/T 0015 table C.4: "the key is distributed by the key management center").
 *
 * <p>The pair is made on the lightweight optimised curve and returned as JCA keys whose encodings
 * are the standard ones: SubjectPublicKeyInfo with id-ecPublicKey and the SM2 curve
 * 1.2.156.10197.1.301 (GM/T 0015 Annex D), and PKCS#8 for the private key, which OpenSSL 3 reads as
 * an SM2 key.
 */
public final class EncryptionKeyPairs {

  private EncryptionKeyPairs() {}

  /** A new SM2 key pair with d drawn from {@code random}. */
  public static KeyPair generate(SecureRandom random) {
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(Sm2Keys.DOMAIN, random));
    while (true) {
      AsymmetricCipherKeyPair pair = generator.generateKeyPair();
      BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
      // BC draws d from [1, n-1]; GM/T 0003 keys stop at n-2.
      if (Sm2Keys.isValidPrivateValue(d)) {
        return Sm2Keys.toJcaKeyPair(d, ((ECPublicKeyParameters) pair.getPublic()).getQ());
      }
    }
  }
}
