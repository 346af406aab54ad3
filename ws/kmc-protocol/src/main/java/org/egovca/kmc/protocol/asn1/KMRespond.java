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
 * GM/T 0014 {@code KMRespond}: a {@link KSRespond} signed by the KMC, its answer to a {@link
 * CARequest}.
 *
 * <pre>
 * KMRespond ::= SEQUENCE {
 *   ksRespond          KSRespond,
 *   signatureAlgorithm AlgorithmIdentifier,   -- SM3withSM2
 *   signatureValue     OCTET STRING }         -- over the DER of ksRespond
 * </pre>
 *
 * <p>{@code signatureValue} is an OCTET STRING holding the DER SM2Signature (see the package
 * documentation for the choice against BIT STRING). Sign and verify with {@code
 * org.egovca.kmc.protocol.KmResponds}.
 */
public final class KMRespond extends ASN1Object {

  private final SignedContent<KSRespond> signed;

  /**
   * A signed answer.
   *
   * @throws IllegalArgumentException when a field is missing or the signature value is empty or
   *     longer than 1024 octets
   */
  public KMRespond(
      KSRespond ksRespond, AlgorithmIdentifier signatureAlgorithm, byte[] signatureValue) {
    this.signed =
        SignedContent.of(
            Der.required(ksRespond, "KMRespond.ksRespond"),
            ksRespond,
            signatureAlgorithm,
            signatureValue,
            "KMRespond");
  }

  private KMRespond(SignedContent<KSRespond> signed) {
    this.signed = signed;
  }

  /**
   * A KMRespond from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly). Only the DER
   * encoding lets the signature be checked over exactly the octets the KMC signed.
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed KMRespond
   */
  public static KMRespond getInstance(Object obj) {
    if (obj instanceof KMRespond respond) {
      return respond;
    }
    ASN1Sequence sequence = Der.sequence(obj, "KMRespond", 3, 3);
    ASN1Encodable content = sequence.getObjectAt(0);
    return new KMRespond(
        SignedContent.of(
            content,
            KSRespond.getInstance(content),
            Der.algorithm(sequence.getObjectAt(1), "KMRespond.signatureAlgorithm"),
            Der.octets(sequence.getObjectAt(2), "KMRespond.signatureValue"),
            "KMRespond"));
  }

  public KSRespond getKsRespond() {
    return signed.content();
  }

  /** The DER of {@code ksRespond} as received (or as built): the octets the signature covers. */
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
