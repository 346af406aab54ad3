package org.egovca.guard;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * Fuzzes the nesting check that guards every BouncyCastle parse of a caller's ASN.1. Contract: it
 * passes or refuses with {@link MalformedAsn1Exception}, nothing else; whatever it passes,
 * BouncyCastle reads without overflowing its stack, and so it does every OCTET and BIT STRING
 * inside that a later parser may open as an encoding (an extension value, a signature); and it
 * never calls malformed what BouncyCastle reads completely.
 */
class Asn1LimitsFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void passedEncodingsNeverOverflowBouncyCastle(byte[] encoding) {
    boolean passed;
    String refusal = null;
    try {
      Asn1Limits.check(encoding);
      passed = true;
    } catch (MalformedAsn1Exception e) {
      passed = false;
      refusal = e.getMessage();
    }
    boolean bouncyCastleReadsIt = true;
    try (ASN1InputStream in = new ASN1InputStream(encoding)) {
      ASN1Primitive object;
      while ((object = in.readObject()) != null) {
        if (passed) {
          openEncapsulated(object, 0);
        }
      }
    } catch (IOException | RuntimeException e) {
      bouncyCastleReadsIt = false;
    } catch (StackOverflowError e) {
      if (passed) {
        throw new AssertionError("an encoding that passed overflowed BouncyCastle's stack", e);
      }
      bouncyCastleReadsIt = false;
    }
    if (!passed && bouncyCastleReadsIt && !refusal.contains("nested more than")) {
      throw new AssertionError("refused what BouncyCastle reads: " + refusal);
    }
  }

  /**
   * Parses the content of every string inside {@code object} as an encoding, as a later parser
   * would; content that is not one is opaque bytes. The walk of the tree is bounded by the nesting
   * the check allowed.
   */
  private static void openEncapsulated(ASN1Primitive object, int depth) {
    if (depth > 4 * Asn1Limits.MAX_DEPTH) {
      throw new AssertionError("an encoding that passed is nested " + depth + " levels deep");
    }
    if (object instanceof ASN1Sequence sequence) {
      for (ASN1Encodable element : sequence) {
        openEncapsulated(element.toASN1Primitive(), depth + 1);
      }
    } else if (object instanceof ASN1Set set) {
      for (ASN1Encodable element : set) {
        openEncapsulated(element.toASN1Primitive(), depth + 1);
      }
    } else if (object instanceof ASN1TaggedObject tagged) {
      openEncapsulated(tagged.getBaseObject().toASN1Primitive(), depth + 1);
    } else if (object instanceof ASN1OctetString octets) {
      openBytes(octets.getOctets(), depth);
    } else if (object instanceof ASN1BitString bits) {
      openBytes(bits.getBytes(), depth); // getOctets() refuses unused bits
    }
  }

  private static void openBytes(byte[] content, int depth) {
    ASN1Primitive inner;
    try {
      inner = ASN1Primitive.fromByteArray(content);
    } catch (IOException | RuntimeException opaque) {
      return;
    }
    openEncapsulated(inner, depth + 1);
  }
}
