package org.egovca.kmc.protocol.asn1;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Strict reading and writing of the DER the CA and the KMC exchange. Every structure of this
 * package reads its fields through here, so a refusal always names the structure and field, and the
 * same rules hold everywhere: DER only (a BER form, trailing octets or a truncated encoding are
 * refused), universal types exactly as declared, serial numbers and task numbers positive and at
 * most 20 octets, times as RFC 5280 GeneralizedTime (UTC, whole seconds).
 *
 * <p>Refusals are {@link IllegalArgumentException}s, as BouncyCastle's own {@code getInstance}
 * methods throw; their messages carry no field values, only names.
 */
final class Der {

  /** The RFC 5280 §4.1.2.2 bound on a certificate serial number, applied to every number. */
  static final int MAX_NUMBER_OCTETS = 20;

  private static final Pattern GENERALIZED_TIME = Pattern.compile("\\d{14}Z");

  private static final DateTimeFormatter GENERALIZED_TIME_FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'")
          .withZone(ZoneOffset.UTC)
          .withResolverStyle(ResolverStyle.STRICT);

  private Der() {}

  /**
   * Parses exactly one DER element. BouncyCastle's parser accepts BER and refuses trailing octets;
   * re-encoding and comparing adds the refusal of every non-DER form (indefinite or long-form
   * lengths, unsorted SETs, constructed strings), so that what a signature covers has one encoding.
   */
  static ASN1Primitive parse(byte[] der, String what) {
    if (der == null || der.length == 0) {
      throw new IllegalArgumentException(what + " is empty");
    }
    ASN1Primitive primitive;
    try {
      primitive = ASN1Primitive.fromByteArray(der);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(what + " is not DER: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      // the last line behind input-guard's Asn1Limits, which a network endpoint applies first
      throw new IllegalArgumentException(what + " is nested too deeply to parse");
    }
    if (!Arrays.equals(encode(primitive), der)) {
      throw new IllegalArgumentException(what + " is BER, not DER");
    }
    return primitive;
  }

  /** The DER encoding of {@code value}. */
  static byte[] encode(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("cannot DER-encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** {@code obj} (DER bytes or an ASN.1 object) as a SEQUENCE of {@code min} to {@code max}. */
  static ASN1Sequence sequence(Object obj, String what, int min, int max) {
    if (!(primitive(obj, what) instanceof ASN1Sequence sequence)) {
      throw new IllegalArgumentException(what + " must be a SEQUENCE");
    }
    return sized(sequence, what, min, max);
  }

  /** {@code obj} as a context-specific tagged alternative of a CHOICE. */
  static ASN1TaggedObject choice(Object obj, String what) {
    if (!(primitive(obj, what) instanceof ASN1TaggedObject tagged)
        || tagged.getTagClass() != BERTags.CONTEXT_SPECIFIC) {
      throw new IllegalArgumentException(what + " must be a context-specific [n] alternative");
    }
    return tagged;
  }

  /**
   * The SEQUENCE under an IMPLICIT tag: the tag replaces the SEQUENCE's own. BouncyCastle refuses a
   * primitive encoding under the tag (a bare INTEGER, say) with a runtime exception.
   */
  static ASN1Sequence implicitSequence(ASN1TaggedObject tagged, String what, int min, int max) {
    ASN1Sequence sequence;
    try {
      sequence = ASN1Sequence.getInstance(tagged, false);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(what + " must be an [n] IMPLICIT SEQUENCE", e);
    }
    return sized(sequence, what, min, max);
  }

  /** An INTEGER, whatever its value; the caller bounds it. */
  static BigInteger integer(ASN1Encodable field, String what) {
    if (!(field instanceof ASN1Integer integer)) {
      throw new IllegalArgumentException(what + " must be an INTEGER");
    }
    return integer.getValue();
  }

  /** A positive INTEGER of at most {@link #MAX_NUMBER_OCTETS} octets. */
  static BigInteger number(ASN1Encodable field, String what) {
    return requireNumber(integer(field, what), what);
  }

  /** Checks that {@code value} is positive and fits in {@link #MAX_NUMBER_OCTETS} octets. */
  static BigInteger requireNumber(BigInteger value, String what) {
    if (value == null || value.signum() <= 0 || value.toByteArray().length > MAX_NUMBER_OCTETS) {
      throw new IllegalArgumentException(
          what + " must be a positive INTEGER of at most " + MAX_NUMBER_OCTETS + " octets");
    }
    return value;
  }

  /** An INTEGER in {@code [min, max]}. */
  static int smallInteger(ASN1Encodable field, String what, int min, int max) {
    BigInteger value = integer(field, what);
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new IllegalArgumentException(what + " must lie in [" + min + ", " + max + "]");
    }
    return value.intValueExact();
  }

  /** The content of an OCTET STRING. */
  static byte[] octets(ASN1Encodable field, String what) {
    if (!(field instanceof ASN1OctetString octets)) {
      throw new IllegalArgumentException(what + " must be an OCTET STRING");
    }
    return octets.getOctets();
  }

  /** The content of a BIT STRING of whole octets (no unused bits). */
  static byte[] wholeOctets(ASN1Encodable field, String what) {
    if (!(field instanceof ASN1BitString bits) || bits.getPadBits() != 0) {
      throw new IllegalArgumentException(what + " must be a BIT STRING of whole octets");
    }
    return bits.getOctets();
  }

  /** A GeneralizedTime in the RFC 5280 §4.1.2.5.2 form YYYYMMDDHHMMSSZ. */
  static Instant time(ASN1Encodable field, String what) {
    if (!(field instanceof ASN1GeneralizedTime time)) {
      throw new IllegalArgumentException(what + " must be a GeneralizedTime");
    }
    String text = time.getTimeString();
    if (!GENERALIZED_TIME.matcher(text).matches()) {
      throw new IllegalArgumentException(what + " must be YYYYMMDDHHMMSSZ (UTC, whole seconds)");
    }
    try {
      return GENERALIZED_TIME_FORMAT.parse(text, Instant::from);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + " is not a calendar date and time", e);
    }
  }

  /** {@code instant}, truncated to whole seconds, as GeneralizedTime YYYYMMDDHHMMSSZ. */
  static ASN1GeneralizedTime time(Instant instant) {
    return new DERGeneralizedTime(GENERALIZED_TIME_FORMAT.format(seconds(instant)));
  }

  /** {@code instant} truncated to whole seconds, as GeneralizedTime carries it. */
  static Instant seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  /** An AlgorithmIdentifier. */
  static AlgorithmIdentifier algorithm(ASN1Encodable field, String what) {
    sequence(field, what, 1, 2);
    try {
      return AlgorithmIdentifier.getInstance(field);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(what + " must be an AlgorithmIdentifier", e);
    }
  }

  /** A SubjectPublicKeyInfo. */
  static SubjectPublicKeyInfo publicKey(ASN1Encodable field, String what) {
    sequence(field, what, 2, 2);
    try {
      return SubjectPublicKeyInfo.getInstance(field);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(what + " must be a SubjectPublicKeyInfo", e);
    }
  }

  /** A defensive copy of a required array. */
  static byte[] copy(byte[] value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    return value.clone();
  }

  /** Fails with "{@code what} is missing" when {@code value} is null. */
  static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    return value;
  }

  private static ASN1Primitive primitive(Object obj, String what) {
    if (obj instanceof byte[] der) {
      return parse(der, what);
    }
    if (obj instanceof ASN1Encodable encodable) {
      return encodable.toASN1Primitive();
    }
    throw new IllegalArgumentException(
        what + " cannot be read from " + (obj == null ? "null" : obj.getClass().getSimpleName()));
  }

  private static ASN1Sequence sized(ASN1Sequence sequence, String what, int min, int max) {
    int size = sequence.size();
    if (size < min || size > max) {
      String expected = min == max ? String.valueOf(min) : min + " to " + max;
      throw new IllegalArgumentException(
          what + " must have " + expected + " fields, found " + size);
    }
    return sequence;
  }
}
