package org.egovca.hsm;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;

/**
 * Adapts {@link CryptoToken#sign} to BouncyCastle's {@link ContentSigner}: the builders stream the
 * to-be-signed structure into a buffer, and {@link #getSignature()} hands it to the token, so no
 * private key ever reaches the builder.
 */
final class TokenContentSigner implements ContentSigner {
  private final CryptoToken token;
  private final String alias;
  private final SignatureAlgorithm algorithm;
  private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();

  TokenContentSigner(CryptoToken token, String alias, SignatureAlgorithm algorithm) {
    this.token = token;
    this.alias = alias;
    this.algorithm = algorithm;
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return algorithm.algorithmIdentifier();
  }

  @Override
  public OutputStream getOutputStream() {
    return toBeSigned;
  }

  @Override
  public byte[] getSignature() {
    return token.sign(alias, algorithm, toBeSigned.toByteArray());
  }
}
