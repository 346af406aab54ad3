package org.egovca.kmc.protocol.asn1;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * GM/T 0014 {@code RevokeKeyRespond}: the KMC confirms a {@link RevokeKeyReq}.
 *
 * <pre>
 * RevokeKeyRespond ::= SEQUENCE { userCertNo INTEGER }   -- as in the request
 * </pre>
 *
 * <p>The reconstructed GM/T 0014 text names this type without giving its fields; this project
 * defines it as the SEQUENCE above, mirroring {@link RevokeKeyReq}, so the CA can match the answer
 * to its request. It travels as the {@code [2] IMPLICIT} alternative of {@link Respond}.
 */
public final class RevokeKeyRespond extends ASN1Object {

  private final BigInteger userCertNo;

  /**
   * A revocation confirmation.
   *
   * @throws IllegalArgumentException unless {@code userCertNo} is a positive number of at most 20
   *     octets
   */
  public RevokeKeyRespond(BigInteger userCertNo) {
    this.userCertNo = Der.requireNumber(userCertNo, "RevokeKeyRespond.userCertNo");
  }

  /**
   * A RevokeKeyRespond from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed RevokeKeyRespond
   */
  public static RevokeKeyRespond getInstance(Object obj) {
    if (obj instanceof RevokeKeyRespond respond) {
      return respond;
    }
    ASN1Sequence sequence = Der.sequence(obj, "RevokeKeyRespond", 1, 1);
    return new RevokeKeyRespond(Der.number(sequence.getObjectAt(0), "RevokeKeyRespond.userCertNo"));
  }

  public BigInteger getUserCertNo() {
    return userCertNo;
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    return new DERSequence(new ASN1Integer(userCertNo));
  }
}
