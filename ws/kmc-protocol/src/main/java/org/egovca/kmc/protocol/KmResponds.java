package org.egovca.kmc.protocol;

import java.math.BigInteger;
import java.security.PublicKey;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.asn1.KMRespond;
import org.egovca.kmc.protocol.asn1.KSRequest;
import org.egovca.kmc.protocol.asn1.KSRespond;
import org.egovca.kmc.protocol.asn1.Request;
import org.egovca.kmc.protocol.asn1.Respond;
import org.egovca.kmc.protocol.asn1.RetKeyRespond;

/**
 * The KMC's signed answers to the CA (GM/T 0014 {@code KMRespond}): the KMC signs, the CA parses,
 * verifies and matches them to its request.
 *
 * <p>A CA receiving an answer does, in this order: {@link #parse} the body; check {@code kmName}
 * against the KMC's certificate with {@link EntNames#requireNames}; {@link #verify} the signature;
 * check {@code respondTime} with {@link Freshness#check}; and {@link #checkAnswers} against the
 * request it sent. Only then does it certify a {@code retPubKey} and relay a {@code retPriKey}.
 */
public final class KmResponds {

  private KmResponds() {}

  /**
   * Signs {@code respond} with the KMC's SM3withSM2 {@code signer}.
   *
   * @throws IllegalArgumentException when the signer is not SM3withSM2
   */
  public static KMRespond sign(KSRespond respond, ContentSigner signer) {
    byte[] signature = Sm2Signatures.sign(respond, signer);
    return new KMRespond(respond, signer.getAlgorithmIdentifier(), signature);
  }

  /**
   * Parses a KMRespond strictly (DER only, nothing after it, every field as GM/T 0014 declares it).
   *
   * @throws KmcProtocolException MALFORMED, naming the field at fault
   */
  public static KMRespond parse(byte[] der) throws KmcProtocolException {
    try {
      return KMRespond.getInstance(der);
    } catch (IllegalArgumentException e) {
      throw new KmcProtocolException(Refusal.MALFORMED, e.getMessage(), e);
    }
  }

  /**
   * Verifies the KMC's signature over exactly the octets of {@code ksRespond} it was parsed from.
   *
   * @param kmcKey the KMC certificate's SM2 public key
   * @throws KmcProtocolException UNSUPPORTED_ALGORITHM when not signed with SM3withSM2, or
   *     BAD_SIGNATURE
   */
  public static void verify(KMRespond respond, SubjectPublicKeyInfo kmcKey)
      throws KmcProtocolException {
    Sm2Signatures.verify(
        respond.getSignedOctets(),
        respond.getSignatureAlgorithm(),
        respond.getSignatureValue(),
        kmcKey,
        "KMRespond");
  }

  /** As {@link #verify(KMRespond, SubjectPublicKeyInfo)}. */
  public static void verify(KMRespond respond, PublicKey kmcKey) throws KmcProtocolException {
    verify(respond, SubjectPublicKeyInfo.getInstance(kmcKey.getEncoded()));
  }

  /**
   * Checks that {@code respond} answers {@code request}: the same task number, one answer per
   * request in the same order, each of the matching kind (or an error) for the same encryption
   * certificate serial number, and each delivered envelope carrying the delivered public key.
   *
   * @throws KmcProtocolException INCONSISTENT_RESPONSE, saying which answer is at fault
   */
  public static void checkAnswers(KSRespond respond, KSRequest request)
      throws KmcProtocolException {
    if (!respond.getTaskNo().equals(request.getTaskNo())) {
      throw inconsistent("it answers task " + respond.getTaskNo() + ", not " + request.getTaskNo());
    }
    List<Request> requests = request.getRequestList();
    List<Respond> answers = respond.getRespondList();
    if (answers.size() != requests.size()) {
      throw inconsistent(answers.size() + " answers to " + requests.size() + " requests");
    }
    for (int i = 0; i < requests.size(); i++) {
      checkAnswer(i, answers.get(i), requests.get(i));
    }
  }

  private static void checkAnswer(int index, Respond answer, Request request)
      throws KmcProtocolException {
    if (answer.getKind() == Respond.Kind.ERROR_PKG) {
      return;
    }
    Respond.Kind expected = answerKind(request.getKind());
    if (answer.getKind() != expected) {
      throw inconsistent(
          "answer "
              + index
              + " is "
              + answer.getKind()
              + " to a "
              + request.getKind()
              + " request");
    }
    BigInteger answered =
        expected == Respond.Kind.REVOKE_KEY
            ? answer.getRevokeKeyRespond().getUserCertNo()
            : answer.getRetKeyRespond().getUserCertNo();
    if (!answered.equals(userCertNo(request))) {
      throw inconsistent("answer " + index + " is for another encryption certificate");
    }
    if (expected != Respond.Kind.REVOKE_KEY) {
      RetKeyRespond delivery = answer.getRetKeyRespond();
      try {
        EnvelopedKeys.checkCarries(delivery.getRetPriKey(), delivery.getRetPubKey());
      } catch (KmcCryptoException e) {
        throw new KmcProtocolException(
            Refusal.INCONSISTENT_RESPONSE, "answer " + index + ": " + e.getMessage(), e);
      }
    }
  }

  private static Respond.Kind answerKind(Request.Kind kind) {
    switch (kind) {
      case APPLY_KEY:
        return Respond.Kind.RET_KEY;
      case RESTORE_KEY:
        return Respond.Kind.RET_RESTORE_KEY;
      default:
        return Respond.Kind.REVOKE_KEY;
    }
  }

  private static BigInteger userCertNo(Request request) {
    switch (request.getKind()) {
      case APPLY_KEY:
        return request.getApplyKeyReq().getAppUserInfo().getUserCertNo();
      case RESTORE_KEY:
        return request.getRestoreKeyReq().getUserCertNo();
      default:
        return request.getRevokeKeyReq().getUserCertNo();
    }
  }

  private static KmcProtocolException inconsistent(String why) {
    return new KmcProtocolException(
        Refusal.INCONSISTENT_RESPONSE, "the KMRespond does not answer the CARequest: " + why);
  }
}
