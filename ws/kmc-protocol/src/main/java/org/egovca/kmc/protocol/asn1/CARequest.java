package org.egovca.kmc.protocol.asn1;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * GM/T 0014 §5.2.3.1 {@code CARequest}: a {@link KSRequest} signed by the CA, the message the CA
 * sends to the KMC.
 *
 * <pre>
 * CARequest ::= SEQUENCE {
 *   ksRequest          KSRequest,
 *   signatureAlgorithm AlgorithmIdentifier,   -- SM3withSM2
 *   signatureValue     OCTET STRING }         -- over the DER of ksRequest
 * </pre>
 *
 * <p>{@code signatureValue} is an OCTET STRING holding the DER SM2Signature (see the package
 * documentation for the choice against BIT STRING). Sign and verify with {@code
 * org.egovca.kmc.protocol.CaRequests}.
 */
public final class CARequest extends ASN1Object {

  private final SignedContent<KSRequest> signed;

  /**
   * A signed request.
   *
   * @throws IllegalArgumentException when a field is missing or the signature value is empty or
   *     longer than 1024 octets
   */
  public CARequest(
      KSRequest ksRequest, AlgorithmIdentifier signatureAlgorithm, byte[] signatureValue) {
    this.signed =
        SignedContent.of(
            Der.required(ksRequest, "CARequest.ksRequest"),
            ksRequest,
            signatureAlgorithm,
            signatureValue,
            "CARequest");
  }

  private CARequest(SignedContent<KSRequest> signed) {
    this.signed = signed;
  }

  /**
   * A CARequest from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly). Only the DER
   * encoding lets the signature be checked over exactly the octets the CA signed.
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed CARequest
   */
  public static CARequest getInstance(Object obj) {
    if (obj instanceof CARequest request) {
      return request;
    }
    ASN1Sequence sequence = Der.sequence(obj, "CARequest", 3, 3);
    ASN1Encodable content = sequence.getObjectAt(0);
    return new CARequest(
        SignedContent.of(
            content,
            KSRequest.getInstance(content),
            Der.algorithm(sequence.getObjectAt(1), "CARequest.signatureAlgorithm"),
            Der.octets(sequence.getObjectAt(2), "CARequest.signatureValue"),
            "CARequest"));
  }

  public KSRequest getKsRequest() {
    return signed.content();
  }

  /** The DER of {@code ksRequest} as received (or as built): the octets the signature covers. */
  public byte[] getSignedOctets() {
    return signed.signedOctets();
  }

  public AlgorithmIdentifier getSignatureAlgorithm() {
    return signed.signatureAlgorithm();
  }

  public byte[] getSignatureValue() {
    return signed.signatureValue();
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    ASN1EncodableVector fields = new ASN1EncodableVector(3);
    fields.add(signed.encodedContent());
    fields.add(signed.signatureAlgorithm());
    fields.add(new DEROctetString(signed.signatureValue()));
    return new DERSequence(fields);
  }
}
