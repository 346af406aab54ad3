package org.egovca.hsm;

import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;

/**
 * A {@link ContentSigner} of the software token that hashes the content as it is written instead of
 * collecting it, so signing a large structure (a CRL of a million entries) takes no memory in
 * proportion to its size. It holds a pooled signer, not the key's encoding; a signer obtained while
 * the token was active can finish its signature after a deactivation.
 */
final class StreamingContentSigner implements ContentSigner {

  private final AlgorithmIdentifier algorithm;
  private final SignerPool.Streaming signature;
  private final OutputStream content =
      new OutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) {
          signature.update(data, offset, length);
        }
      };

  StreamingContentSigner(AlgorithmIdentifier algorithm, SignerPool.Streaming signature) {
    this.algorithm = algorithm;
    this.signature = signature;
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
    return signature.finish();
  }
}
