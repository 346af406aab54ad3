package org.egovca.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.egovca.sync.SyncSignatureException.Reason;
import org.egovca.sync.testing.TestCa;
import org.egovca.sync.testing.TestMessages;
import org.junit.jupiter.api.Test;

class SyncSignaturesTest {

  private static final TestCa SM2_CA = TestCa.sm2("iFutureCA");
  private static final TestCa RSA_CA = TestCa.rsa("iFutureCA RSA");

  private final SyncSignatureVerifier verifier =
      new SyncSignatureVerifier(
          Map.of(
              "iFutureCA", List.of(SM2_CA.certificate()),
              "iFutureCA-RSA", List.of(RSA_CA.certificate())));

  private static Reason rejection(SyncSignatureVerifier verifier, String ca, byte[] p, byte[] cms) {
    return assertThrows(SyncSignatureException.class, () -> verifier.verify(ca, p, cms)).reason();
  }

  @Test
  void anSm2SyncSignerSignatureOverTheCanonicalPayloadVerifies() throws Exception {
    CertificateSync message = TestMessages.issued(SM2_CA, "iFutureCA");
    byte[] payload = CanonicalPayload.of(message);
    byte[] cms = TestMessages.sign(message, SM2_CA);
    assertEquals(SM2_CA.syncSigner().certificate(), verifier.verify("iFutureCA", payload, cms));
    assertEquals(
        "1.2.156.10197.1.501",
        new CMSSignedData(cms).getSignerInfos().iterator().next().getEncryptionAlgOID());
  }

  @Test
  void anRsaSyncSignerSignatureVerifies() throws Exception {
    CrlSync message = TestMessages.crl(RSA_CA, "iFutureCA-RSA", 7);
    byte[] payload = CanonicalPayload.of(message);
    verifier.verify("iFutureCA-RSA", payload, TestMessages.sign(message, RSA_CA));
  }

  @Test
  void theSignatureIsDetachedAndCarriesTheSyncSignerCertificate() throws Exception {
    byte[] cms = TestMessages.sign(bytes("payload"), SM2_CA.syncSigner());
    CMSSignedData signedData = new CMSSignedData(cms);
    assertEquals(null, signedData.getSignedContent());
    assertEquals(
        List.of(SM2_CA.syncSigner().certificate()), signedData.getCertificates().getMatches(null));
  }

  @Test
  void aSignatureByTheCasCertificateSigningKeyIsRefused() {
    for (TestCa ca : List.of(SM2_CA, RSA_CA)) {
      String caName = ca == SM2_CA ? "iFutureCA" : "iFutureCA-RSA";
      byte[] payload = CanonicalPayload.of(TestMessages.issued(ca, caName));
      SyncSignatureException refused =
          assertThrows(
              SyncSignatureException.class,
              () -> verifier.verify(caName, payload, TestMessages.sign(payload, ca.caKeySigner())));
      assertEquals(Reason.SIGNED_BY_CA_KEY, refused.reason());
      assertTrue(refused.getMessage().contains("certificate-signing key"), refused.getMessage());
    }
  }

  @Test
  void aSignatureByAnotherCertificateOfTheCaIsRefused() {
    Instant now = Instant.now();
    TestCa.Signer holder =
        SM2_CA.endEntitySigner(
            "CN=张三,O=某市人民政府,C=CN", now.minusSeconds(60), now.plus(Duration.ofDays(365)), false);
    byte[] payload = CanonicalPayload.of(TestMessages.issued(SM2_CA, "iFutureCA"));
    SyncSignatureException refused =
        assertThrows(
            SyncSignatureException.class,
            () -> verifier.verify("iFutureCA", payload, TestMessages.sign(payload, holder)));
    assertEquals(Reason.NOT_A_SYNC_SIGNER, refused.reason());
    assertTrue(refused.getMessage().contains("extended key usage"), refused.getMessage());
  }

  @Test
  void anExpiredOrNotYetValidSyncSignerIsRefused() {
    Instant now = Instant.now();
    TestCa.Signer expired =
        SM2_CA.endEntitySigner(
            "CN=old signer", now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(30)), true);
    byte[] payload = bytes("payload");
    assertEquals(
        Reason.SIGNER_NOT_VALID,
        rejection(verifier, "iFutureCA", payload, TestMessages.sign(payload, expired)));
    SyncSignatureVerifier aYearAgo =
        new SyncSignatureVerifier(
            caName -> List.of(SM2_CA.certificate()),
            Clock.fixed(now.minus(Duration.ofDays(365)), ZoneOffset.UTC));
    assertEquals(
        Reason.SIGNER_NOT_VALID,
        rejection(aYearAgo, "iFutureCA", payload, TestMessages.sign(payload, SM2_CA.syncSigner())));
  }

  @Test
  void aChangedFieldIsABadSignature() {
    CertificateSync message = TestMessages.issued(SM2_CA, "iFutureCA");
    byte[] cms = TestMessages.sign(message, SM2_CA);
    CertificateSync changed =
        new CertificateSync(
            message.messageId(),
            message.recipient(),
            BusinessType.RENEW,
            message.caName(),
            message.holder(),
            message.certificate(),
            message.serialNumber(),
            message.status(),
            message.notBefore(),
            message.notAfter(),
            null,
            null,
            message.syncTime());
    assertEquals(
        Reason.BAD_SIGNATURE, rejection(verifier, "iFutureCA", CanonicalPayload.of(changed), cms));
  }

  @Test
  void aChangedSignatureValueIsABadSignature() {
    for (TestCa ca : List.of(SM2_CA, RSA_CA)) {
      String caName = ca == SM2_CA ? "iFutureCA" : "iFutureCA-RSA";
      CrlSync message = TestMessages.crl(ca, caName, 2);
      byte[] cms = TestMessages.sign(message, ca);
      cms[cms.length - 1] ^= 0x01; // the SignerInfo's signature value ends the DER
      assertEquals(
          Reason.BAD_SIGNATURE, rejection(verifier, caName, CanonicalPayload.of(message), cms));
    }
  }

  @Test
  void anImpostorWithTheCasNameAndSerialIsNotTheCa() {
    TestCa impostor = SM2_CA.impostor();
    byte[] payload = CanonicalPayload.of(TestMessages.issued(impostor, "iFutureCA"));
    assertEquals(
        Reason.NOT_SIGNED_BY_CA,
        rejection(
            verifier, "iFutureCA", payload, TestMessages.sign(payload, impostor.syncSigner())));
    // nor does its own key pass for the CA's
    assertEquals(
        Reason.NOT_SIGNED_BY_CA,
        rejection(
            verifier, "iFutureCA", payload, TestMessages.sign(payload, impostor.caKeySigner())));
  }

  @Test
  void anotherTrustedCasSyncSignerIsNotThisCas() {
    byte[] payload = bytes("payload");
    assertEquals(
        Reason.NOT_SIGNED_BY_CA,
        rejection(verifier, "iFutureCA", payload, TestMessages.sign(payload, RSA_CA.syncSigner())));
  }

  @Test
  void aSignatureWithoutItsSignerCertificateIsMalformed() throws Exception {
    byte[] payload = bytes("payload");
    TestCa.Signer signer = SM2_CA.syncSigner();
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(
        new SignerInfoGeneratorBuilder(new BcDigestCalculatorProvider())
            .build(signer.contentSigner(), signer.certificate()));
    byte[] cms = generator.generate(new CMSProcessableByteArray(payload), false).getEncoded();
    assertEquals(Reason.MALFORMED, rejection(verifier, "iFutureCA", payload, cms));
  }

  @Test
  void aSyncSignerOfEveryTrustedKeyOfTheCaVerifies() throws Exception {
    TestCa newKey = SM2_CA.nextKey();
    SyncSignatureVerifier rolledOver =
        new SyncSignatureVerifier(
            Map.of("iFutureCA", List.of(newKey.certificate(), SM2_CA.certificate())));
    byte[] payload = bytes("payload");
    rolledOver.verify("iFutureCA", payload, TestMessages.sign(payload, SM2_CA.syncSigner()));
    rolledOver.verify("iFutureCA", payload, TestMessages.sign(payload, newKey.syncSigner()));
  }

  @Test
  void anUnknownCaNameIsUnknownCa() {
    byte[] payload = bytes("payload");
    assertEquals(
        Reason.UNKNOWN_CA,
        rejection(verifier, "OtherCA", payload, TestMessages.sign(payload, SM2_CA.syncSigner())));
  }

  @Test
  void garbageIsMalformed() {
    byte[] payload = bytes("payload");
    assertEquals(Reason.MALFORMED, rejection(verifier, "iFutureCA", payload, bytes("garbage")));
    assertEquals(Reason.MALFORMED, rejection(verifier, "iFutureCA", payload, new byte[0]));
    assertEquals(Reason.MALFORMED, rejection(verifier, "iFutureCA", payload, null));
    byte[] truncated = TestMessages.sign(payload, SM2_CA.syncSigner());
    assertEquals(
        Reason.MALFORMED,
        rejection(verifier, "iFutureCA", payload, Arrays.copyOf(truncated, truncated.length - 10)));
  }

  @Test
  void aDeeplyNestedSignatureIsMalformedNotAStackOverflow() {
    byte[] payload = bytes("payload");
    byte[] deep = new byte[40_000]; // 10,000 indefinite-length SEQUENCEs and their end markers
    for (int i = 0; i < 10_000; i++) {
      deep[2 * i] = 0x30;
      deep[2 * i + 1] = (byte) 0x80;
    }
    SyncSignatureException e =
        assertThrows(
            SyncSignatureException.class, () -> verifier.verify("iFutureCA", payload, deep));
    assertEquals(Reason.MALFORMED, e.reason());
    assertEquals(
        "the signature is not a DER CMS SignedData: the ASN.1 encoding is nested more than 64"
            + " levels deep",
        e.getMessage());
  }

  @Test
  void encapsulatedContentIsMalformed() throws Exception {
    byte[] payload = bytes("payload");
    TestCa.Signer signer = SM2_CA.syncSigner();
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(
        new SignerInfoGeneratorBuilder(new BcDigestCalculatorProvider())
            .build(signer.contentSigner(), signer.certificate()));
    generator.addCertificate(signer.certificate());
    byte[] cms = generator.generate(new CMSProcessableByteArray(payload), true).getEncoded();
    assertEquals(Reason.MALFORMED, rejection(verifier, "iFutureCA", payload, cms));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
