package org.egovca.hsm.sharing;

import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * The few DER operations the sealed forms need, with BouncyCastle's ASN.1 classes. Reading is
 * strict: anything but the expected DER, including a BER variant of it, is an {@link
 * IllegalArgumentException}.
 */
final class Der {
  private Der() {}

  /** The DER encoding of {@code SEQUENCE { elements }}. */
  static byte[] sequence(ASN1Encodable... elements) {
    try {
      return new DERSequence(elements).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a DER sequence in memory", e);
    }
  }

  /** Reads a DER {@code SEQUENCE} of exactly {@code size} elements and nothing after it. */
  static ASN1Sequence sequence(byte[] encoded, int size) {
    ASN1Primitive primitive;
    try {
      primitive = ASN1Primitive.fromByteArray(encoded);
      // Re-encoding walks the whole structure and shows whether the input was DER.
      if (!Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), encoded)) {
        throw new IllegalArgumentException("not DER");
      }
    } catch (IOException | RuntimeException e) {
      // BouncyCastle's parser reports malformed input with several exception types.
      throw new IllegalArgumentException("not DER: " + e.getMessage(), e);
    }
    return sequence(primitive, size);
  }

  /** Checks that {@code element} is a {@code SEQUENCE} of exactly {@code size} elements. */
  static ASN1Sequence sequence(ASN1Encodable element, int size) {
    if (element instanceof ASN1Sequence sequence && sequence.size() == size) {
      return sequence;
    }
    throw new IllegalArgumentException("not a SEQUENCE of " + size + " elements");
  }

  static byte[] octets(ASN1Sequence sequence, int position) {
    if (sequence.getObjectAt(position) instanceof ASN1OctetString octets) {
      return octets.getOctets();
    }
    throw new IllegalArgumentException("element " + position + " is not an OCTET STRING");
  }

  static int integer(ASN1Sequence sequence, int position) {
    if (sequence.getObjectAt(position) instanceof ASN1Integer integer) {
      try {
        return integer.intValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("element " + position + " is too large", e);
      }
    }
    throw new IllegalArgumentException("element " + position + " is not an INTEGER");
  }
}
