package org.egovca.sync;

import java.io.IOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/**
 * Makes the CA's signature on a sync message: a detached CMS SignedData over the canonical payload,
 * made with the key of the CA's sync signer certificate ({@link SyncSignerCertificates}), never
 * with the CA's certificate-signing key.
 *
 * <p>Detached CMS rather than WS-Security: WS-SecurityPolicy has no SM2 algorithms, and CMS (RFC
 * 5652, GM/T 0010 for SM2) is what every PKI toolkit verifies, OpenSSL included. The sync signer
 * certificate travels inside; a receiver checks that the CA issued it.
 */
public final class SyncSignatures {

  private SyncSignatures() {}

  /**
   * Detached CMS SignedData (DER) over payload.
   *
   * @param payload the canonical payload ({@link CanonicalPayload})
   * @param signer the sync signer's signer, for example a BouncyCastle {@code ContentSigner} for
   *     SM3withSM2 or SHA256withRSA backed by the crypto token; its digest is computed with
   *     BouncyCastle's lightweight digests, so no JCA provider needs to be registered
   * @param signerCertificate the sync signer certificate of the signing key, issued by the CA and
   *     included in the SignedData
   * @throws SyncSignatureException with reason MALFORMED when the signer fails or its algorithm has
   *     no known digest
   */
  public static byte[] sign(
      byte[] payload, ContentSigner signer, X509CertificateHolder signerCertificate)
      throws SyncSignatureException {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new SignerInfoGeneratorBuilder(new BcDigestCalculatorProvider())
              .build(signer, signerCertificate));
      generator.addCertificate(signerCertificate);
      return generator.generate(new CMSProcessableByteArray(payload), false).getEncoded("DER");
    } catch (OperatorCreationException | CMSException | IOException | RuntimeOperatorException e) {
      throw new SyncSignatureException(
          SyncSignatureException.Reason.MALFORMED,
          "cannot sign the sync payload with " + signer.getAlgorithmIdentifier().getAlgorithm(),
          e);
    }
  }
}
