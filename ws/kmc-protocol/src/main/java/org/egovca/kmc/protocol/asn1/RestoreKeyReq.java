package org.egovca.kmc.protocol.asn1;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * GM/T 0014 {@code RestoreKeyReq}: the CA asks the KMC to deliver an escrowed encryption key again,
 * enveloped to the holder's current signing key (holder key recovery, CPS §7.1.3.8).
 *
 * <pre>
 * RestoreKeyReq ::= SEQUENCE {
 *   retAsymAlg AlgorithmIdentifier,
 *   retSymAlg  AlgorithmIdentifier,
 *   retHashAlg AlgorithmIdentifier,
 *   userCertNo INTEGER,                -- serial number of the encryption certificate
 *   userPubKey SubjectPublicKeyInfo }  -- the signing public key to envelope the key to
 * </pre>
 *
 * <p>It travels as the {@code [1] IMPLICIT} alternative of {@link Request}.
 */
public final class RestoreKeyReq extends ASN1Object {

  private final AlgorithmIdentifier retAsymAlg;
  private final AlgorithmIdentifier retSymAlg;
  private final AlgorithmIdentifier retHashAlg;
  private final BigInteger userCertNo;
  private final SubjectPublicKeyInfo userPubKey;

  /**
   * A key recovery request.
   *
   * @throws IllegalArgumentException when a field is missing or {@code userCertNo} is not a
   *     positive number of at most 20 octets
   */
  public RestoreKeyReq(
      AlgorithmIdentifier retAsymAlg,
      AlgorithmIdentifier retSymAlg,
      AlgorithmIdentifier retHashAlg,
      BigInteger userCertNo,
      SubjectPublicKeyInfo userPubKey) {
    this.retAsymAlg = Der.required(retAsymAlg, "RestoreKeyReq.retAsymAlg");
    this.retSymAlg = Der.required(retSymAlg, "RestoreKeyReq.retSymAlg");
    this.retHashAlg = Der.required(retHashAlg, "RestoreKeyReq.retHashAlg");
    this.userCertNo = Der.requireNumber(userCertNo, "RestoreKeyReq.userCertNo");
    this.userPubKey = Der.required(userPubKey, "RestoreKeyReq.userPubKey");
  }

  private RestoreKeyReq(ASN1Sequence sequence) {
    this(
        Der.algorithm(sequence.getObjectAt(0), "RestoreKeyReq.retAsymAlg"),
        Der.algorithm(sequence.getObjectAt(1), "RestoreKeyReq.retSymAlg"),
        Der.algorithm(sequence.getObjectAt(2), "RestoreKeyReq.retHashAlg"),
        Der.number(sequence.getObjectAt(3), "RestoreKeyReq.userCertNo"),
        Der.publicKey(sequence.getObjectAt(4), "RestoreKeyReq.userPubKey"));
  }

  /** What this project asks for: the key back in a GM/T 0009 SM2 envelope (SM2, SM4, SM3). */
  public static RestoreKeyReq sm2(BigInteger userCertNo, SubjectPublicKeyInfo userPubKey) {
    return new RestoreKeyReq(
        GmAlgorithms.SM2_ENCRYPTION,
        GmAlgorithms.SM4_ECB,
        GmAlgorithms.SM3,
        userCertNo,
        userPubKey);
  }

  /**
   * A RestoreKeyReq from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed RestoreKeyReq
   */
  public static RestoreKeyReq getInstance(Object obj) {
    if (obj instanceof RestoreKeyReq request) {
      return request;
    }
    return new RestoreKeyReq(Der.sequence(obj, "RestoreKeyReq", 5, 5));
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

  public BigInteger getUserCertNo() {
    return userCertNo;
  }

  public SubjectPublicKeyInfo getUserPubKey() {
    return userPubKey;
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    ASN1EncodableVector fields = new ASN1EncodableVector(5);
    fields.add(retAsymAlg);
    fields.add(retSymAlg);
    fields.add(retHashAlg);
    fields.add(new ASN1Integer(userCertNo));
    fields.add(userPubKey);
    return new DERSequence(fields);
  }
}
