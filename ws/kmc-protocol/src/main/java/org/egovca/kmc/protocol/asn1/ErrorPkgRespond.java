package org.egovca.kmc.protocol.asn1;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * GM/T 0014 {@code ErrorPkgRespond}: the KMC could not carry out one request of the list.
 *
 * <pre>
 * ErrorPkgRespond ::= SEQUENCE {
 *   errNo   INTEGER,
 *   errDesc OCTET STRING OPTIONAL }
 * </pre>
 *
 * <p>Error numbers are the KMC's own (the standard leaves them to the implementation); this project
 * reads {@code errNo} as a non-negative int and {@code errDesc} as UTF-8 text, which must never
 * carry key material.
 */
public final class ErrorPkgRespond extends ASN1Object {

  private final int errNo;
  private final byte[] errDesc;

  /**
   * An error answer.
   *
   * @param errDesc a description for operators, or null
   * @throws IllegalArgumentException when {@code errNo} is negative
   */
  public ErrorPkgRespond(int errNo, String errDesc) {
    if (errNo < 0) {
      throw new IllegalArgumentException("ErrorPkgRespond.errNo must not be negative");
    }
    this.errNo = errNo;
    this.errDesc = errDesc == null ? null : errDesc.getBytes(StandardCharsets.UTF_8);
  }

  private ErrorPkgRespond(int errNo, byte[] errDesc) {
    this.errNo = errNo;
    // kept as received, so that re-encoding gives back the octets the KMC signed
    this.errDesc = errDesc;
  }

  /**
   * An ErrorPkgRespond from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed ErrorPkgRespond
   */
  public static ErrorPkgRespond getInstance(Object obj) {
    if (obj instanceof ErrorPkgRespond respond) {
      return respond;
    }
    ASN1Sequence sequence = Der.sequence(obj, "ErrorPkgRespond", 1, 2);
    int errNo =
        Der.smallInteger(sequence.getObjectAt(0), "ErrorPkgRespond.errNo", 0, Integer.MAX_VALUE);
    byte[] errDesc =
        sequence.size() > 1 ? Der.octets(sequence.getObjectAt(1), "ErrorPkgRespond.errDesc") : null;
    return new ErrorPkgRespond(errNo, errDesc);
  }

  public int getErrNo() {
    return errNo;
  }

  /** The description as UTF-8 text (malformed sequences replaced), if there is one. */
  public Optional<String> getErrDesc() {
    return Optional.ofNullable(errDesc).map(octets -> new String(octets, StandardCharsets.UTF_8));
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    ASN1EncodableVector fields = new ASN1EncodableVector(2);
    fields.add(new ASN1Integer(errNo));
    if (errDesc != null) {
      fields.add(new DEROctetString(errDesc));
    }
    return new DERSequence(fields);
  }
}
