package org.egovca.kmc.protocol.asn1;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * GM/T 0014 §5.2.3.2 {@code ApplyKeyReq}: the CA asks the KMC for a new encryption key pair for a
 * holder.
 *
 * <pre>
 * ApplyKeyReq ::= SEQUENCE {
 *   appKeyType  AlgorithmIdentifier,   -- the key pair asked for: SM2
 *   appKeyLen   INTEGER,               -- 256
 *   retAsymAlg  AlgorithmIdentifier,   -- how the returned key is protected: SM2 encryption
 *   retSymAlg   AlgorithmIdentifier,   -- SM4
 *   retHashAlg  AlgorithmIdentifier,   -- SM3
 *   appUserInfo AppUserInfo }
 * </pre>
 *
 * <p>It travels as the {@code [0] IMPLICIT} alternative of {@link Request}.
 */
public final class ApplyKeyReq extends ASN1Object {

  /** The largest {@code appKeyLen} read: far above any key length in use, far below int's end. */
  static final int MAX_KEY_LENGTH = 16384;

  private final AlgorithmIdentifier appKeyType;
  private final int appKeyLen;
  private final AlgorithmIdentifier retAsymAlg;
  private final AlgorithmIdentifier retSymAlg;
  private final AlgorithmIdentifier retHashAlg;
  private final AppUserInfo appUserInfo;

  /**
   * A key application.
   *
   * @throws IllegalArgumentException when a field is missing or {@code appKeyLen} is outside [1,
   *     16384]
   */
  public ApplyKeyReq(
      AlgorithmIdentifier appKeyType,
      int appKeyLen,
      AlgorithmIdentifier retAsymAlg,
      AlgorithmIdentifier retSymAlg,
      AlgorithmIdentifier retHashAlg,
      AppUserInfo appUserInfo) {
    if (appKeyLen < 1 || appKeyLen > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "ApplyKeyReq.appKeyLen must lie in [1, " + MAX_KEY_LENGTH + "]");
    }
    this.appKeyType = Der.required(appKeyType, "ApplyKeyReq.appKeyType");
    this.appKeyLen = appKeyLen;
    this.retAsymAlg = Der.required(retAsymAlg, "ApplyKeyReq.retAsymAlg");
    this.retSymAlg = Der.required(retSymAlg, "ApplyKeyReq.retSymAlg");
    this.retHashAlg = Der.required(retHashAlg, "ApplyKeyReq.retHashAlg");
    this.appUserInfo = Der.required(appUserInfo, "ApplyKeyReq.appUserInfo");
  }

  private ApplyKeyReq(ASN1Sequence sequence) {
    this(
        Der.algorithm(sequence.getObjectAt(0), "ApplyKeyReq.appKeyType"),
        Der.smallInteger(sequence.getObjectAt(1), "ApplyKeyReq.appKeyLen", 1, MAX_KEY_LENGTH),
        Der.algorithm(sequence.getObjectAt(2), "ApplyKeyReq.retAsymAlg"),
        Der.algorithm(sequence.getObjectAt(3), "ApplyKeyReq.retSymAlg"),
        Der.algorithm(sequence.getObjectAt(4), "ApplyKeyReq.retHashAlg"),
        AppUserInfo.getInstance(sequence.getObjectAt(5)));
  }

  /**
   * What this project asks for: an SM2 key pair of 256 bits, returned in a GM/T 0009 SM2 envelope
   * (SM2 encryption, SM4, SM3).
   */
  public static ApplyKeyReq sm2(AppUserInfo appUserInfo) {
    return new ApplyKeyReq(
        GmAlgorithms.SM2,
        256,
        GmAlgorithms.SM2_ENCRYPTION,
        GmAlgorithms.SM4_ECB,
        GmAlgorithms.SM3,
        appUserInfo);
  }

  /**
   * An ApplyKeyReq from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed ApplyKeyReq
   */
  public static ApplyKeyReq getInstance(Object obj) {
    if (obj instanceof ApplyKeyReq request) {
      return request;
    }
    return new ApplyKeyReq(Der.sequence(obj, "ApplyKeyReq", 6, 6));
  }

  public AlgorithmIdentifier getAppKeyType() {
    return appKeyType;
  }

  public int getAppKeyLen() {
    return appKeyLen;
  }

  public AlgorithmIdentifier getRetAsymAlg() {
    return retAsymAlg;
  }

  public AlgorithmIdentifier getRetSymAlg() {
    return retSymAlg;
  }

  public AlgorithmIdentifier getRetHashAlg() {
    return retHashAlg;
  }

  public AppUserInfo getAppUserInfo() {
    return appUserInfo;
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    ASN1EncodableVector fields = new ASN1EncodableVector(6);
    fields.add(appKeyType);
    fields.add(new ASN1Integer(appKeyLen));
    fields.add(retAsymAlg);
    fields.add(retSymAlg);
    fields.add(retHashAlg);
    fields.add(appUserInfo);
    return new DERSequence(fields);
  }
}
