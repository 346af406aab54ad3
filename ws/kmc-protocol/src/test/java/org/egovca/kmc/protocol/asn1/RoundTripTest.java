package org.egovca.kmc.protocol.asn1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.util.encoders.Hex;
import org.egovca.kmc.protocol.EntNames;
import org.egovca.kmc.protocol.testing.Messages;
import org.junit.jupiter.api.Test;

/**
 * Every GM/T 0014 structure survives DER encoding and strict parsing unchanged, and the encodings
 * that carry decisions (implicit CHOICE tags, OCTET STRING signature values, the optional fields)
 * are pinned octet by octet.
 */
class RoundTripTest {

  private static final KSRequest REQUEST = Messages.ksRequest();
  private static final KSRespond RESPOND = Messages.ksRespond();

  static byte[] der(ASN1Object object) {
    try {
      return object.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes, parses the octets back, and checks that nothing changed. */
  private static <T extends ASN1Object> T roundTrip(T object, Function<Object, T> getInstance) {
    byte[] encoded = der(object);
    T parsed = getInstance.apply(encoded);
    assertEquals(object, parsed);
    assertArrayEquals(encoded, der(parsed));
    assertSame(parsed, getInstance.apply(parsed), "getInstance returns its own type unchanged");
    assertEquals(parsed, getInstance.apply(parsed.toASN1Primitive()), "and reads an ASN.1 tree");
    return parsed;
  }

  @Test
  void entName() {
    EntName name = roundTrip(REQUEST.getCaName(), EntName::getInstance);

    assertEquals(Messages.CA_CERTIFICATE.getSubject(), name.getEntName());
    assertEquals(Messages.CA_CERTIFICATE.getSerialNumber(), name.getSerialNumber());
    assertEquals(GmAlgorithms.SM3, name.getHashAlgorithm());
    assertEquals(32, name.getEntPubKeyHash().length);
  }

  @Test
  void appUserInfoWithAndWithoutItsOptionalFields() {
    AppUserInfo full =
        new AppUserInfo(
            BigInteger.TEN,
            Messages.holderSigningKey(),
            Messages.NOW,
            Messages.NOW.plusSeconds(60),
            new byte[] {1},
            new byte[] {2},
            new byte[] {3});
    AppUserInfo bare =
        new AppUserInfo(
            BigInteger.TEN,
            Messages.holderSigningKey(),
            Messages.NOW,
            Messages.NOW.plusSeconds(60),
            new byte[0],
            null,
            null);

    AppUserInfo parsedFull = roundTrip(full, AppUserInfo::getInstance);
    AppUserInfo parsedBare = roundTrip(bare, AppUserInfo::getInstance);
    AppUserInfo withDsCode = roundTrip(Messages.appUserInfo(), AppUserInfo::getInstance);

    assertArrayEquals(new byte[] {2}, parsedFull.getDsCode().orElseThrow());
    assertArrayEquals(new byte[] {3}, parsedFull.getExtendInfo().orElseThrow());
    assertTrue(parsedBare.getDsCode().isEmpty());
    assertTrue(parsedBare.getExtendInfo().isEmpty());
    assertEquals(
        "110000", new String(withDsCode.getDsCode().orElseThrow(), StandardCharsets.UTF_8));
    assertTrue(withDsCode.getExtendInfo().isEmpty());
    assertEquals("张三", new String(withDsCode.getUserName(), StandardCharsets.UTF_8));
    assertEquals(Messages.holderSigningKey(), withDsCode.getUserPubKey());
  }

  @Test
  void applyRestoreAndRevokeRequests() {
    ApplyKeyReq apply =
        roundTrip(ApplyKeyReq.sm2(Messages.appUserInfo()), ApplyKeyReq::getInstance);
    RestoreKeyReq restore =
        roundTrip(
            RestoreKeyReq.sm2(Messages.RESTORED, Messages.holderSigningKey()),
            RestoreKeyReq::getInstance);
    RevokeKeyReq revoke = roundTrip(new RevokeKeyReq(Messages.REVOKED), RevokeKeyReq::getInstance);

    assertEquals(GmAlgorithms.SM2, apply.getAppKeyType());
    assertEquals(256, apply.getAppKeyLen());
    assertEquals(GmAlgorithms.SM2_ENCRYPTION, apply.getRetAsymAlg());
    assertEquals(GmAlgorithms.SM4_ECB, apply.getRetSymAlg());
    assertEquals(GmAlgorithms.SM3, apply.getRetHashAlg());
    assertEquals(Messages.RESTORED, restore.getUserCertNo());
    assertEquals(GmAlgorithms.SM4_ECB, restore.getRetSymAlg());
    assertEquals(Messages.REVOKED, revoke.getUserCertNo());
  }

  @Test
  void eachRequestAlternative() {
    for (Request request : REQUEST.getRequestList()) {
      Request parsed = roundTrip(request, Request::getInstance);
      assertEquals(request.getKind(), parsed.getKind());
    }
    Request apply = REQUEST.getRequestList().get(0);
    assertEquals(Request.Kind.APPLY_KEY, apply.getKind());
    assertEquals(Messages.APPLIED, apply.getApplyKeyReq().getAppUserInfo().getUserCertNo());
    assertThrows(IllegalStateException.class, apply::getRevokeKeyReq);
  }

  /** [2] IMPLICIT replaces the SEQUENCE tag: A2, not A2 30. */
  @Test
  void choiceTagsAreImplicit() {
    assertEquals(
        "a20302010a", Hex.toHexString(der(Request.revokeKey(new RevokeKeyReq(BigInteger.TEN)))));
    assertEquals(
        "a20302010a",
        Hex.toHexString(der(Respond.revokeKey(new RevokeKeyRespond(BigInteger.TEN)))));
    assertEquals(
        "a30c02010704076661696c757265",
        Hex.toHexString(der(Respond.errorPkg(new ErrorPkgRespond(7, "failure")))));
  }

  @Test
  void ksRequest() {
    KSRequest parsed = roundTrip(REQUEST, KSRequest::getInstance);

    assertEquals(1, parsed.getVersion());
    assertEquals(Messages.TASK_NO, parsed.getTaskNo());
    assertEquals(Messages.NOW, parsed.getRequestTime());
    assertEquals(3, parsed.getRequestList().size());
  }

  @Test
  void requestTimeIsCarriedInWholeSeconds() {
    KSRequest request =
        new KSRequest(
            REQUEST.getCaName(),
            REQUEST.getRequestList(),
            Instant.parse("2025-03-01T08:00:00.987654Z"),
            BigInteger.ONE);

    assertEquals(Messages.NOW, request.getRequestTime());
    assertTrue(
        Hex.toHexString(der(request))
            .contains(Hex.toHexString("20250301080000Z".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void caRequestWithItsSignatureInAnOctetString() {
    CARequest request = new CARequest(REQUEST, GmAlgorithms.SM3_WITH_SM2, new byte[] {1, 2, 3});

    CARequest parsed = roundTrip(request, CARequest::getInstance);

    assertEquals(REQUEST, parsed.getKsRequest());
    assertEquals(GmAlgorithms.SM3_WITH_SM2, parsed.getSignatureAlgorithm());
    assertArrayEquals(new byte[] {1, 2, 3}, parsed.getSignatureValue());
    assertArrayEquals(der(REQUEST), parsed.getSignedOctets());
    String hex = Hex.toHexString(der(parsed));
    assertTrue(hex.endsWith("300a06082a811ccf55018375" + "0403010203"), hex);
  }

  @Test
  void retKeyRespondAndTheEnvelopeInIt() {
    RetKeyRespond delivery = RESPOND.getRespondList().get(0).getRetKeyRespond();

    RetKeyRespond parsed = roundTrip(delivery, RetKeyRespond::getInstance);
    SM2EnvelopedKey envelope = roundTrip(parsed.getRetPriKey(), SM2EnvelopedKey::getInstance);

    assertEquals(Messages.APPLIED, parsed.getUserCertNo());
    assertArrayEquals(
        parsed.getRetPubKey().getPublicKeyData().getOctets(), envelope.getSm2PublicKey());
    assertEquals(GmAlgorithms.SM4_ECB, envelope.getSymAlgId());
    assertEquals(32, envelope.getSm2EncryptedPrivateKey().length);
  }

  @Test
  void revokeAndErrorResponds() {
    RevokeKeyRespond revoke =
        roundTrip(new RevokeKeyRespond(Messages.REVOKED), RevokeKeyRespond::getInstance);
    ErrorPkgRespond error =
        roundTrip(new ErrorPkgRespond(42, "密钥不存在"), ErrorPkgRespond::getInstance);
    ErrorPkgRespond bare = roundTrip(new ErrorPkgRespond(0, null), ErrorPkgRespond::getInstance);

    assertEquals(Messages.REVOKED, revoke.getUserCertNo());
    assertEquals(42, error.getErrNo());
    assertEquals("密钥不存在", error.getErrDesc().orElseThrow());
    assertFalse(bare.getErrDesc().isPresent());
  }

  @Test
  void eachRespondAlternative() {
    for (Respond respond : RESPOND.getRespondList()) {
      assertEquals(respond.getKind(), roundTrip(respond, Respond::getInstance).getKind());
    }
    for (Respond respond : Messages.errors().getRespondList()) {
      assertEquals(Respond.Kind.ERROR_PKG, roundTrip(respond, Respond::getInstance).getKind());
    }
    assertEquals(Respond.Kind.RET_RESTORE_KEY, RESPOND.getRespondList().get(1).getKind());
    assertEquals(
        Messages.RESTORED, RESPOND.getRespondList().get(1).getRetKeyRespond().getUserCertNo());
    assertThrows(IllegalStateException.class, RESPOND.getRespondList().get(2)::getRetKeyRespond);
    assertThrows(IllegalStateException.class, RESPOND.getRespondList().get(0)::getErrorPkgRespond);
  }

  @Test
  void ksRespondAndKmRespond() {
    KSRespond parsed = roundTrip(RESPOND, KSRespond::getInstance);
    KMRespond signed =
        roundTrip(
            new KMRespond(parsed, GmAlgorithms.SM3_WITH_SM2, new byte[] {9}),
            KMRespond::getInstance);

    assertEquals(Messages.TASK_NO, parsed.getTaskNo());
    assertEquals(Messages.NOW.plusSeconds(1), parsed.getRespondTime());
    assertEquals(EntNames.of(Messages.KMC_CERTIFICATE), parsed.getKmName());
    assertEquals(RESPOND, signed.getKsRespond());
    assertArrayEquals(der(RESPOND), signed.getSignedOctets());
  }
}
