package org.egovca.kmc.protocol.asn1;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * GM/T 0014 {@code RetKeyRespond}: the KMC's answer to an {@link ApplyKeyReq} or a {@link
 * RestoreKeyReq}, an encryption key pair for the holder.
 *
 * <pre>
 * RetKeyRespond ::= SEQUENCE {
 *   userCertNo INTEGER,                -- as in the request
 *   retPubKey  SubjectPublicKeyInfo,   -- the encryption public key: goes into the certificate
 *   retPriKey  SM2EnvelopedKey }       -- the private key, enveloped to the holder's signing key
 * </pre>
 *
 * <p>The reconstructed standard types {@code retPriKey} as a GM/T 0010 SignedAndEnvelopedData. This
 * project carries the GM/T 0009 §7.4 {@link SM2EnvelopedKey} itself instead (see the package
 * documentation for why): the CA hands it to the holder unchanged, and the KMC's signature over the
 * whole {@link KSRespond} covers it.
 */
public final class RetKeyRespond extends ASN1Object {

  private final BigInteger userCertNo;
  private final SubjectPublicKeyInfo retPubKey;
  private final SM2EnvelopedKey retPriKey;

  /**
   * A key delivery.
   *
   * @throws IllegalArgumentException when a field is missing or {@code userCertNo} is not a
   *     positive number of at most 20 octets
   */
  public RetKeyRespond(
      BigInteger userCertNo, SubjectPublicKeyInfo retPubKey, SM2EnvelopedKey retPriKey) {
    this.userCertNo = Der.requireNumber(userCertNo, "RetKeyRespond.userCertNo");
    this.retPubKey = Der.required(retPubKey, "RetKeyRespond.retPubKey");
    this.retPriKey = Der.required(retPriKey, "RetKeyRespond.retPriKey");
  }

  /**
   * A RetKeyRespond from itself, an ASN.1 SEQUENCE, or its DER encoding (parsed strictly).
   *
   * @throws IllegalArgumentException when {@code obj} is not a well-formed RetKeyRespond
   */
  public static RetKeyRespond getInstance(Object obj) {
    if (obj instanceof RetKeyRespond respond) {
      return respond;
    }
    ASN1Sequence sequence = Der.sequence(obj, "RetKeyRespond", 3, 3);
    return new RetKeyRespond(
        Der.number(sequence.getObjectAt(0), "RetKeyRespond.userCertNo"),
        Der.publicKey(sequence.getObjectAt(1), "RetKeyRespond.retPubKey"),
        SM2EnvelopedKey.getInstance(sequence.getObjectAt(2)));
  }

  public BigInteger getUserCertNo() {
    return userCertNo;
  }

  public SubjectPublicKeyInfo getRetPubKey() {
    return retPubKey;
  }

  public SM2EnvelopedKey getRetPriKey() {
    return retPriKey;
  }

  @Override
  public ASN1Primitive toASN1Primitive() {
    ASN1EncodableVector fields = new ASN1EncodableVector(3);
    fields.add(new ASN1Integer(userCertNo));
    fields.add(retPubKey);
    fields.add(retPriKey);
    return new DERSequence(fields);
  }
}
