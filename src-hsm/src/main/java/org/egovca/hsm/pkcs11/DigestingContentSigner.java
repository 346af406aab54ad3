package org.egovca.hsm.pkcs11;

import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.operator.ContentSigner;

/**
 * A {@link ContentSigner} that hashes what the BouncyCastle builders write as it arrives and hands
 * only the digest to the token at the end, so a large CRL takes no memory in proportion to its size
 * and holds no module session while it is being encoded. Not thread-safe; one signature.
 */
final class DigestingContentSigner implements ContentSigner {

  /** Signs a finished digest; the token's signing step. */
  interface DigestSigner {
    byte[] sign(byte[] digest);
  }

  private final AlgorithmIdentifier algorithm;
  private final DigestSigner signer;
  private final SHA256Digest digest = DigestSignatures.newDigest();
  private final OutputStream content =
      new OutputStream() {
        @Override
        public void write(int b) {
          digest.update((byte) b);
        }

        @Override
        public void write(byte[] data, int offset, int length) {
          digest.update(data, offset, length);
        }
      };

  DigestingContentSigner(AlgorithmIdentifier algorithm, DigestSigner signer) {
    this.algorithm = algorithm;
    this.signer = signer;
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return algorithm;
  }

  @Override
  public OutputStream getOutputStream() {
    return content;
  }

  @Override
  public byte[] getSignature() {
    return signer.sign(DigestSignatures.finish(digest));
  }
}
