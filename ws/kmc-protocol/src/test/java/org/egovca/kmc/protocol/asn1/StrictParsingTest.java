package org.egovca.kmc.protocol.asn1;

import static org.egovca.kmc.protocol.asn1.RoundTripTest.der;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import org.egovca.kmc.protocol.testing.Messages;
import org.junit.jupiter.api.Test;

/** What the parsers refuse, and that each refusal names the structure and field at fault. */
class StrictParsingTest {

  private static final KSRequest REQUEST = Messages.ksRequest();
  private static final CARequest SIGNED =
      new CARequest(REQUEST, GmAlgorithms.SM3_WITH_SM2, new byte[] {0x30, 0x06, 2, 1, 1, 2, 1, 1});
  private static final byte[] SIGNED_DER = der(SIGNED);

  private static void assertRefused(
      Function<Object, ?> getInstance, Object input, String... reasons) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> getInstance.apply(input));
    for (String reason : reasons) {
      assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
  }

  private static ASN1Sequence fields(ASN1Object structure) {
    return ASN1Sequence.getInstance(der(structure));
  }

  private static DERSequence replace(ASN1Object structure, int index, ASN1Encodable value) {
    ASN1Sequence original = fields(structure);
    ASN1EncodableVector vector = new ASN1EncodableVector();
    for (int i = 0; i < original.size(); i++) {
      vector.add(i == index ? value : original.getObjectAt(i));
    }
    return new DERSequence(vector);
  }

  private static DERSequence firstFour(ASN1Sequence sequence) {
    return new DERSequence(
        new ASN1Encodable[] {
          sequence.getObjectAt(0), sequence.getObjectAt(1),
          sequence.getObjectAt(2), sequence.getObjectAt(3)
        });
  }

  @Test
  void everyTruncationIsRefused() {
    for (int length = 0; length < SIGNED_DER.length; length++) {
      byte[] truncated = Arrays.copyOf(SIGNED_DER, length);
      assertThrows(
          IllegalArgumentException.class,
          () -> CARequest.getInstance(truncated),
          "truncated to " + length);
    }
  }

  @Test
  void trailingOctetsAreRefused() {
    byte[] oneMore = Arrays.append(SIGNED_DER, (byte) 0);
    byte[] twice = Arrays.concatenate(SIGNED_DER, SIGNED_DER);

    assertRefused(CARequest::getInstance, oneMore, "CARequest is not DER");
    assertRefused(CARequest::getInstance, twice, "CARequest is not DER");
  }

  @Test
  void berFormsAreRefused() {
    // the same content with an indefinite length, and with a needlessly long length
    byte[] content = Arrays.copyOfRange(SIGNED_DER, 4, SIGNED_DER.length);
    byte[] indefinite =
        Arrays.concatenate(new byte[] {0x30, (byte) 0x80}, content, new byte[] {0, 0});
    byte[] revoke = Hex.decode("a2030201" + "05");
    byte[] longLength = Hex.decode("a28103020105");

    assertTrue(SIGNED_DER[1] == (byte) 0x82, "the fixture uses a two-octet length");
    assertRefused(CARequest::getInstance, indefinite, "CARequest is BER, not DER");
    Request.getInstance(revoke);
    assertRefused(Request::getInstance, longLength, "Request is BER, not DER");
  }

  @Test
  void signatureValueIsAnOctetStringNotABitString() {
    DERSequence bitString = replace(SIGNED, 2, new DERBitString(SIGNED.getSignatureValue()));

    assertRefused(
        CARequest::getInstance, bitString, "CARequest.signatureValue must be an OCTET STRING");
  }

  @Test
  void wrongTagsAreRefused() {
    ASN1Sequence revoke = fields(new RevokeKeyReq(BigInteger.TEN));

    assertRefused(
        Request::getInstance, new DERTaggedObject(true, 2, revoke), "Request.revokeKeyReq");
    assertRefused(
        Request::getInstance, new DERTaggedObject(false, 5, revoke), "no alternative [5]");
    assertRefused(
        Request::getInstance,
        new DERTaggedObject(false, BERTags.APPLICATION, 2, revoke),
        "context-specific");
    assertRefused(Request::getInstance, revoke, "context-specific");
    assertRefused(
        Respond::getInstance, new DERTaggedObject(false, 4, revoke), "no alternative [4]");
    assertRefused(KSRequest::getInstance, new DERSet(fields(REQUEST).toArray()), "SEQUENCE");
    assertRefused(
        KSRequest::getInstance,
        replace(REQUEST, 3, new DERUTCTime("250301080000Z")),
        "KSRequest.requestTime must be a GeneralizedTime");
    assertRefused(
        EntName::getInstance,
        replace(REQUEST.getCaName(), 1, new GeneralName(GeneralName.dNSName, "ca.example")),
        "EntName.entName must be a [4] directoryName");
    assertRefused(
        AppUserInfo::getInstance,
        replace(Messages.appUserInfo(), 1, new DEROctetString(new byte[4])),
        "AppUserInfo.userPubKey");
  }

  /**
   * Some implementations send RevokeKeyReq as a bare INTEGER: [2] IMPLICIT INTEGER is primitive.
   */
  @Test
  void revokeKeyReqAsABareIntegerIsRefused() {
    assertRefused(Request::getInstance, Hex.decode("820105"), "Request.revokeKeyReq");
  }

  @Test
  void oversizedAndOutOfRangeIntegersAreRefused() {
    BigInteger twentyOneOctets = BigInteger.ONE.shiftLeft(160);

    assertRefused(
        KSRequest::getInstance,
        replace(REQUEST, 4, new ASN1Integer(twentyOneOctets)),
        "KSRequest.taskNo must be a positive INTEGER of at most 20 octets");
    assertRefused(
        KSRequest::getInstance,
        replace(REQUEST, 4, new ASN1Integer(0)),
        "KSRequest.taskNo must be a positive INTEGER");
    assertRefused(
        RevokeKeyReq::getInstance,
        new DERSequence(new ASN1Integer(-5)),
        "RevokeKeyReq.userCertNo must be a positive INTEGER");
    assertRefused(
        KSRequest::getInstance,
        replace(REQUEST, 0, new ASN1Integer(2)),
        "KSRequest.version must lie in [1, 1]");
    assertRefused(
        ApplyKeyReq::getInstance,
        replace(ApplyKeyReq.sm2(Messages.appUserInfo()), 1, new ASN1Integer(1L << 40)),
        "ApplyKeyReq.appKeyLen must lie in [1, 16384]");
    assertRefused(
        ErrorPkgRespond::getInstance,
        new DERSequence(new ASN1Integer(1L << 31)),
        "ErrorPkgRespond.errNo must lie in");
    assertRefused(
        EntName::getInstance,
        replace(REQUEST.getCaName(), 3, new ASN1Integer(twentyOneOctets)),
        "EntName.serialNumber");
  }

  @Test
  void timesMustBeWholeSecondsInUtc() {
    for (String time : List.of("20250301080000.5Z", "20250301080000", "202503010800Z")) {
      assertRefused(
          KSRequest::getInstance,
          replace(REQUEST, 3, new DERGeneralizedTime(time)),
          "KSRequest.requestTime must be YYYYMMDDHHMMSSZ");
    }
    assertRefused(
        KSRequest::getInstance,
        replace(REQUEST, 3, new DERGeneralizedTime("20250230080000Z")),
        "KSRequest.requestTime is not a calendar date");
  }

  @Test
  void sizesAreChecked() {
    ASN1Sequence request = fields(REQUEST);
    ASN1EncodableVector extra = new ASN1EncodableVector();
    request.forEach(extra::add);
    extra.add(new ASN1Integer(1));

    assertRefused(
        KSRequest::getInstance, new DERSequence(extra), "KSRequest must have 5 fields, found 6");
    assertRefused(
        KSRequest::getInstance,
        replace(REQUEST, 2, new DERSequence()),
        "KSRequest.requestList must have 1 to");
    assertRefused(
        AppUserInfo::getInstance,
        firstFour(fields(Messages.appUserInfo())),
        "AppUserInfo must have 5 to 7 fields");
    assertRefused(
        CARequest::getInstance,
        replace(SIGNED, 2, new DEROctetString(new byte[0])),
        "CARequest.signatureValue must hold 1 to 1024 octets");
  }

  @Test
  void anEnvelopeWhoseSm2CipherIsMisshapenIsRefused() {
    SM2EnvelopedKey envelope =
        Messages.ksRespond().getRespondList().get(0).getRetKeyRespond().getRetPriKey();
    ASN1Sequence cipher = envelope.getSymEncryptedKey();

    assertRefused(
        SM2EnvelopedKey::getInstance,
        replace(envelope, 1, replace(cipher, 2, new DEROctetString(new byte[31]))),
        "SM2EnvelopedKey.symEncryptedKey.HASH must be 32 octets");
    assertRefused(
        SM2EnvelopedKey::getInstance,
        replace(envelope, 1, replace(cipher, 0, new ASN1Integer(-1))),
        "XCoordinate is not a 256-bit field element");
    assertRefused(
        SM2EnvelopedKey::getInstance,
        replace(envelope, 1, replace(cipher, 3, new DEROctetString(new byte[0]))),
        "CipherText is empty");
  }

  @Test
  void constructorsKeepTheSameRules() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AppUserInfo(
                BigInteger.ONE,
                Messages.holderSigningKey(),
                Messages.NOW,
                Messages.NOW.plusSeconds(1),
                new byte[0],
                null,
                new byte[] {1}),
        "extendInfo without dsCode would be read back as dsCode");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AppUserInfo(
                BigInteger.ONE,
                Messages.holderSigningKey(),
                Messages.NOW,
                Messages.NOW,
                new byte[0],
                null,
                null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new KSRequest(REQUEST.getCaName(), List.of(), Messages.NOW, BigInteger.ONE));
    assertThrows(IllegalArgumentException.class, () -> new RevokeKeyReq(BigInteger.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new ErrorPkgRespond(-1, null));
  }

  /** BouncyCastle's parser recurses per level; the stack overflow becomes a refusal. */
  @Test
  void absurdNestingIsRefusedNotThrownAsAnError() {
    int levels = 200_000;
    byte[] nested = new byte[4 * levels];
    for (int i = 0; i < levels; i++) {
      nested[2 * i] = 0x30;
      nested[2 * i + 1] = (byte) 0x80;
    }

    assertRefused(CARequest::getInstance, nested, "CARequest is nested too deeply to parse");
  }
}
