package org.egovca.ca.benchmark;

import java.io.OutputStream;
import java.security.SecureRandom;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * The reference signer of the benchmark: a BouncyCastle lightweight {@link SM2Signer} (SM3, default
 * user ID 1234567812345678, DER signature) on the {@code CustomNamedCurves} sm2p256v1 curve,
 * wrapped as a {@link ContentSigner} that digests the bytes as they arrive and is reused for every
 * signature ({@code SM2Signer} resets itself, Z included, after each signature). Not thread-safe.
 */
final class LightweightSm2Signer implements ContentSigner {

  private static final AlgorithmIdentifier SM3_WITH_SM2 =
      new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);

  private final SM2Signer signer = new SM2Signer();
  private final OutputStream stream =
      new OutputStream() {
        @Override
        public void write(int b) {
          signer.update((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
          signer.update(bytes, offset, length);
        }
      };

  /** A signer with a new random key pair. */
  LightweightSm2Signer() {
    SecureRandom random = new SecureRandom();
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(
        new ECKeyGenerationParameters(
            new ECDomainParameters(CustomNamedCurves.getByName("sm2p256v1")), random));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    signer.init(true, new ParametersWithRandom(pair.getPrivate(), random));
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return SM3_WITH_SM2;
  }

  @Override
  public OutputStream getOutputStream() {
    return stream;
  }

  @Override
  public byte[] getSignature() {
    try {
      return signer.generateSignature();
    } catch (CryptoException e) {
      throw new RuntimeOperatorException("SM2 signing failed", e);
    }
  }
}
