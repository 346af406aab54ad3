package org.egovca.kmc.protocol.asn1;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The three fields of a signed GM/T 0014 message ({@link CARequest}, {@link KMRespond}): the
 * content, the signature algorithm and the signature value.
 *
 * <p>The content is kept twice: as the parsed object, and as the ASN.1 it was read from. The
 * signature is checked over the DER of the latter, which for a message parsed from DER is exactly
 * the octets the signer signed, whatever the parsed object would re-encode to. A message built here
 * keeps its content in the same form, parsed from its own DER, so that a built message and the same
 * message read back are equal.
 */
final class SignedContent<T extends ASN1Object> {

  /** Far above an SM2 signature (at most 72 octets), and above RSA-8192's 1024: a sanity bound. */
  static final int MAX_SIGNATURE_OCTETS = 1024;

  private final ASN1Primitive encodedContent;
  private final T content;
  private final AlgorithmIdentifier signatureAlgorithm;
  private final byte[] signatureValue;

  private SignedContent(
      ASN1Primitive encodedContent,
      T content,
      AlgorithmIdentifier signatureAlgorithm,
      byte[] signatureValue) {
    this.encodedContent = encodedContent;
    this.content = content;
    this.signatureAlgorithm = signatureAlgorithm;
    this.signatureValue = signatureValue;
  }

  /**
   * The fields of {@code message}, checked.
   *
   * @param encodedContent the content as read (or {@code content} itself when building)
   */
  static <T extends ASN1Object> SignedContent<T> of(
      ASN1Encodable encodedContent,
      T content,
      AlgorithmIdentifier signatureAlgorithm,
      byte[] signatureValue,
      String message) {
    byte[] signature = Der.copy(signatureValue, message + ".signatureValue");
    if (signature.length == 0 || signature.length > MAX_SIGNATURE_OCTETS) {
      throw new IllegalArgumentException(
          message + ".signatureValue must hold 1 to " + MAX_SIGNATURE_OCTETS + " octets");
    }
    return new SignedContent<>(
        Der.parse(Der.encode(encodedContent), message + ".content"),
        content,
        Der.required(signatureAlgorithm, message + ".signatureAlgorithm"),
        signature);
  }

  T content() {
    return content;
  }

  ASN1Primitive encodedContent() {
    return encodedContent;
  }

  byte[] signedOctets() {
    return Der.encode(encodedContent);
  }

  AlgorithmIdentifier signatureAlgorithm() {
    return signatureAlgorithm;
  }

  byte[] signatureValue() {
    return signatureValue.clone();
  }
}
