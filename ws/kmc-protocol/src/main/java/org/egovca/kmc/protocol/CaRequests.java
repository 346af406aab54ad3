package org.egovca.kmc.protocol;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.asn1.CARequest;
import org.egovca.kmc.protocol.asn1.KSRequest;

/**
 * The CA's signed requests to the KMC (GM/T 0014 {@code CARequest}): the CA signs, the KMC parses
 * and verifies.
 *
 * <p>A KMC receiving a request does, in this order: {@link #parse} the body; find the CA by {@code
 * caName} and check it with {@link EntNames#requireNames}; {@link #verify} the signature with that
 * certificate's key; only then {@link ReplayWindow#accept} the task number and request time, so
 * that nobody but the CA can fill the replay window.
 */
public final class CaRequests {

  private static final int TASK_NO_BITS = 63;

  private CaRequests() {}

  /**
   * Signs {@code request} with the CA's SM3withSM2 {@code signer} (a BouncyCastle {@code
   * JcaContentSignerBuilder("SM3withSM2")} signer, or a crypto token's, which use the default user
   * ID 1234567812345678).
   *
   * @throws IllegalArgumentException when the signer is not SM3withSM2
   */
  public static CARequest sign(KSRequest request, ContentSigner signer) {
    byte[] signature = Sm2Signatures.sign(request, signer);
    return new CARequest(request, signer.getAlgorithmIdentifier(), signature);
  }

  /**
   * Parses a CARequest strictly (DER only, nothing after it, every field as GM/T 0014 declares it).
   *
   * @throws KmcProtocolException MALFORMED, naming the field at fault
   */
  public static CARequest parse(byte[] der) throws KmcProtocolException {
    try {
      return CARequest.getInstance(der);
    } catch (IllegalArgumentException e) {
      throw new KmcProtocolException(Refusal.MALFORMED, e.getMessage(), e);
    }
  }

  /**
   * Verifies the CA's signature over exactly the octets of {@code ksRequest} it was parsed from.
   *
   * @param caKey the CA certificate's SM2 public key
   * @throws KmcProtocolException UNSUPPORTED_ALGORITHM when not signed with SM3withSM2, or
   *     BAD_SIGNATURE
   */
  public static void verify(CARequest request, SubjectPublicKeyInfo caKey)
      throws KmcProtocolException {
    Sm2Signatures.verify(
        request.getSignedOctets(),
        request.getSignatureAlgorithm(),
        request.getSignatureValue(),
        caKey,
        "CARequest");
  }

  /** As {@link #verify(CARequest, SubjectPublicKeyInfo)}. */
  public static void verify(CARequest request, PublicKey caKey) throws KmcProtocolException {
    verify(request, SubjectPublicKeyInfo.getInstance(caKey.getEncoded()));
  }

  /**
   * A fresh task number: 63 random bits plus one, positive and at most 8 octets. Random numbers let
   * several CA nodes number their tasks without coordination; a repeat within a replay window is a
   * 1 in 2^63 event.
   */
  public static BigInteger newTaskNo(SecureRandom random) {
    return new BigInteger(TASK_NO_BITS, random).add(BigInteger.ONE);
  }
}
