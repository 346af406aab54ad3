package org.egovca.kmc.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.asn1.GmAlgorithms;

/**
 * SM3withSM2 signatures over the DER of a KSRequest or KSRespond (GM/T 0014 CARequest, KMRespond).
 * The signature value is the DER SM2Signature {@code SEQUENCE {r INTEGER, s INTEGER}} of GM/T 0009
 * §7.3, computed with the default user ID {@code 1234567812345678} of GM/T 0009 §10 (BouncyCastle's
 * default, and what every other signature of this CA uses).
 */
final class Sm2Signatures {

  /** The GM/T 0009 default SM2 user ID, for Z_A. */
  static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

  private Sm2Signatures() {}

  /**
   * Signs the DER of {@code content} with {@code signer}.
   *
   * @throws IllegalArgumentException when the signer is not SM3withSM2
   */
  static byte[] sign(ASN1Object content, ContentSigner signer) {
    if (!isSm3WithSm2(signer.getAlgorithmIdentifier())) {
      throw new IllegalArgumentException(
          "GM/T 0014 messages are signed with SM3withSM2, not "
              + signer.getAlgorithmIdentifier().getAlgorithm());
    }
    try (OutputStream out = signer.getOutputStream()) {
      out.write(content.getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot feed the signer", e);
    }
    return signer.getSignature();
  }

  /**
   * Verifies an SM3withSM2 signature over {@code content} with the SM2 {@code publicKey}.
   *
   * @param message the message's name for refusals, for example "CARequest"
   * @throws KmcProtocolException UNSUPPORTED_ALGORITHM or BAD_SIGNATURE
   * @throws IllegalArgumentException when {@code publicKey} is not an SM2 key (a configuration
   *     error of the verifier, not a fault of the message)
   */
  static void verify(
      byte[] content,
      AlgorithmIdentifier algorithm,
      byte[] signature,
      SubjectPublicKeyInfo publicKey,
      String message)
      throws KmcProtocolException {
    if (!isSm3WithSm2(algorithm)) {
      throw new KmcProtocolException(
          Refusal.UNSUPPORTED_ALGORITHM,
          message
              + " is signed with "
              + algorithm.getAlgorithm()
              + "; only SM3withSM2 "
              + GmAlgorithms.SM3_WITH_SM2.getAlgorithm()
              + " is accepted");
    }
    SM2Signer verifier = new SM2Signer();
    verifier.init(
        false, new ParametersWithID(Sm2Keys.publicParameters(publicKey), DEFAULT_USER_ID));
    verifier.update(content, 0, content.length);
    if (!verifier.verifySignature(signature)) {
      throw new KmcProtocolException(
          Refusal.BAD_SIGNATURE,
          message + "'s signature does not verify with the sender's public key");
    }
  }

  /** SM3withSM2 with its parameters absent (as BouncyCastle writes it) or NULL. */
  private static boolean isSm3WithSm2(AlgorithmIdentifier algorithm) {
    return GmAlgorithms.SM3_WITH_SM2.getAlgorithm().equals(algorithm.getAlgorithm())
        && (algorithm.getParameters() == null
            || DERNull.INSTANCE.equals(algorithm.getParameters()));
  }
}
