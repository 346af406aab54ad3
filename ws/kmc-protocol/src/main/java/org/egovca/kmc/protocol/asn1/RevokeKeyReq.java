package org.egovca.kmc.protocol.asn1;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * GM/T 0014 {@code RevokeKeyReq}: the CA tells the KMC that an encryption certificate was revoked,
 * so the escrowed key is no longer in use (it stays archived for recovery).
 *
 * <pre>
 * RevokeKeyReq ::= SEQUENCE { userCertNo INTEGER }   -- serial number of the encryption certificate
 * </pre>
 *
 * <p>It travels as the {@code [2] IMPLICIT} alternative of {@link Request}. Some implementations
 * send a bare INTEGER there; this one writes and accepts only the SEQUENCE.
 */
public final class RevokeKeyReq extends ASN1Object {

  private final BigInteger userCertNo;

  /**
   * A key revocation.
   *
   * @throws IllegalArgumentException unless {@code userCertNo} is a positive number of at most 20
   *     octets
   */
  public RevokeKeyReq(BigInteger userCertNo) {
    this.userCertNo = Der.requireNumber(userCertNo, "RevokeKeyReq.userCertNo");
  }

  /**
   * A RevokeKeyReq from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed RevokeKeyReq
   */
  public static RevokeKeyReq getInstance(Object obj) {
    if (obj instanceof RevokeKeyReq request) {
      return request;
    }
    ASN1Sequence sequence = Der.sequence(obj, "RevokeKeyReq", 1, 1);
    return new RevokeKeyReq(Der.number(sequence.getObjectAt(0), "RevokeKeyReq.userCertNo"));
  }

  public BigInteger getUserCertNo() {
    return userCertNo;
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    return new DERSequence(new ASN1Integer(userCertNo));
  }
}
