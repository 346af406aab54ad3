package org.egovca.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
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
  void sm2SignatureOverTheCanonicalPayloadVerifies() throws Exception {
    CertificateSync message = TestMessages.issued(SM2_CA, "iFutureCA");
    byte[] payload = CanonicalPayload.of(message);
    byte[] cms = SyncSignatures.sign(payload, SM2_CA.signer(), SM2_CA.certificate());
    verifier.verify("iFutureCA", payload, cms);
    assertEquals(
        "1.2.156.10197.1.501",
        new CMSSignedData(cms).getSignerInfos().iterator().next().getEncryptionAlgOID());
  }

  @Test
  void rsaSignatureVerifies() throws Exception {
    CrlSync message = TestMessages.crl(RSA_CA, "iFutureCA-RSA", 7);
    byte[] payload = CanonicalPayload.of(message);
    verifier.verify("iFutureCA-RSA", payload, TestMessages.sign(message, RSA_CA));
  }

  @Test
  void signatureIsDetachedAndCarriesTheSignerCertificate() throws Exception {
    byte[] cms = SyncSignatures.sign(bytes("payload"), SM2_CA.signer(), SM2_CA.certificate());
    CMSSignedData signedData = new CMSSignedData(cms);
    assertEquals(null, signedData.getSignedContent());
    assertEquals(List.of(SM2_CA.certificate()), signedData.getCertificates().getMatches(null));
  }

  @Test
  void aChangedFieldIsABadSignature() {
    CertificateSync message = TestMessages.issued(SM2_CA, "iFutureCA");
    byte[] cms = TestMessages.sign(message, SM2_CA);
    CertificateSync changed =
        new CertificateSync(
            message.messageId(),
            BusinessType.RENEW,
            message.caIdentifier(),
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
      String caIdentifier = ca == SM2_CA ? "iFutureCA" : "iFutureCA-RSA";
      CrlSync message = TestMessages.crl(ca, caIdentifier, 2);
      byte[] cms = TestMessages.sign(message, ca);
      cms[cms.length - 1] ^= 0x01; // the SignerInfo's signature value ends the DER
      assertEquals(
          Reason.BAD_SIGNATURE,
          rejection(verifier, caIdentifier, CanonicalPayload.of(message), cms));
    }
  }

  @Test
  void anImpostorWithTheCasNameAndSerialIsNotTheCa() throws Exception {
    TestCa impostor = SM2_CA.impostor();
    byte[] payload = CanonicalPayload.of(TestMessages.issued(impostor, "iFutureCA"));
    byte[] cms = SyncSignatures.sign(payload, impostor.signer(), impostor.certificate());
    assertEquals(Reason.NOT_SIGNED_BY_CA, rejection(verifier, "iFutureCA", payload, cms));
  }

  @Test
  void anotherTrustedCaIsNotThisCa() {
    byte[] payload = bytes("payload");
    byte[] cms = sign(payload, RSA_CA);
    assertEquals(Reason.NOT_SIGNED_BY_CA, rejection(verifier, "iFutureCA", payload, cms));
  }

  @Test
  void withoutTheSignerCertificateTheSignerIdentifierFindsTheCa() throws Exception {
    byte[] payload = bytes("payload");
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(
        new SignerInfoGeneratorBuilder(new BcDigestCalculatorProvider())
            .build(SM2_CA.signer(), SM2_CA.certificate()));
    byte[] cms = generator.generate(new CMSProcessableByteArray(payload), false).getEncoded();
    verifier.verify("iFutureCA", payload, cms);
    assertEquals(
        Reason.NOT_SIGNED_BY_CA,
        rejection(
            new SyncSignatureVerifier(
                Map.of("iFutureCA", List.of(SM2_CA.nextGeneration().certificate()))),
            "iFutureCA",
            payload,
            cms));
  }

  @Test
  void everyKeyGenerationOfTheCaIsTrusted() throws Exception {
    TestCa newKey = SM2_CA.nextGeneration();
    SyncSignatureVerifier rolledOver =
        new SyncSignatureVerifier(
            Map.of("iFutureCA", List.of(newKey.certificate(), SM2_CA.certificate())));
    byte[] payload = bytes("payload");
    rolledOver.verify("iFutureCA", payload, sign(payload, SM2_CA));
    rolledOver.verify("iFutureCA", payload, sign(payload, newKey));
  }

  @Test
  void anUnknownCaIdentifierIsUnknownCa() {
    byte[] payload = bytes("payload");
    assertEquals(Reason.UNKNOWN_CA, rejection(verifier, "OtherCA", payload, sign(payload, SM2_CA)));
  }

  @Test
  void garbageIsMalformed() {
    byte[] payload = bytes("payload");
    assertEquals(Reason.MALFORMED, rejection(verifier, "iFutureCA", payload, bytes("garbage")));
    assertEquals(Reason.MALFORMED, rejection(verifier, "iFutureCA", payload, new byte[0]));
    assertEquals(Reason.MALFORMED, rejection(verifier, "iFutureCA", payload, null));
    byte[] truncated = sign(payload, SM2_CA);
    assertEquals(
        Reason.MALFORMED,
        rejection(verifier, "iFutureCA", payload, Arrays.copyOf(truncated, truncated.length - 10)));
  }

  @Test
  void encapsulatedContentIsMalformed() throws Exception {
    byte[] payload = bytes("payload");
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(
        new SignerInfoGeneratorBuilder(new BcDigestCalculatorProvider())
            .build(SM2_CA.signer(), SM2_CA.certificate()));
    generator.addCertificate(SM2_CA.certificate());
    byte[] cms = generator.generate(new CMSProcessableByteArray(payload), true).getEncoded();
    assertEquals(Reason.MALFORMED, rejection(verifier, "iFutureCA", payload, cms));
  }

  private static byte[] sign(byte[] payload, TestCa ca) {
    try {
      return SyncSignatures.sign(payload, ca.signer(), ca.certificate());
    } catch (SyncSignatureException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
