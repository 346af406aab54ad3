package org.egovca.ca.x509;

import static org.egovca.ca.testing.OpenSslCommand.SM2_DIST_ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.stream.Stream;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.OpenSslCommand;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

class CertificationRequestsTest {

  private static KeyPair sm2;
  private static KeyPair rsa;
  private static PKCS10CertificationRequest sm2Request;
  private static PKCS10CertificationRequest rsaRequest;

  @BeforeAll
  static void requests() {
    sm2 = TestKeys.sm2KeyPair();
    rsa = TestKeys.rsaKeyPair(2048);
    sm2Request = csr("CN=Zhang San,O=Example,C=CN", sm2, "SM3withSM2");
    rsaRequest = csr("CN=Li Si,C=CN", rsa, "SHA256withRSA");
  }

  @Test
  void parsesPemSm2RequestAndItsProofOfPossessionPasses() throws IOException {
    PKCS10CertificationRequest parsed =
        CertificationRequests.parse(Pem.text("CERTIFICATE REQUEST", sm2Request.getEncoded()));

    assertArrayEquals(sm2Request.getEncoded(), parsed.getEncoded());
    assertEquals(new X500Name("CN=Zhang San,O=Example,C=CN"), parsed.getSubject());
    assertEquals(
        GMObjectIdentifiers.sm2sign_with_sm3, parsed.getSignatureAlgorithm().getAlgorithm());
    assertDoesNotThrow(() -> CertificationRequests.verifyProofOfPossession(parsed));
  }

  @Test
  void parsesBase64DerRsaRequestAndItsProofOfPossessionPasses() throws IOException {
    PKCS10CertificationRequest parsed =
        CertificationRequests.parse(Base64.getEncoder().encodeToString(rsaRequest.getEncoded()));

    assertArrayEquals(rsaRequest.getEncoded(), parsed.getEncoded());
    assertEquals(
        PKCSObjectIdentifiers.sha256WithRSAEncryption,
        parsed.getSignatureAlgorithm().getAlgorithm());
    assertDoesNotThrow(() -> CertificationRequests.verifyProofOfPossession(parsed));
  }

  @Test
  void parsesLineWrappedBase64WithSurroundingWhitespace() throws IOException {
    String wrapped =
        "\n  " + Base64.getMimeEncoder().encodeToString(sm2Request.getEncoded()) + "\r\n\t";

    assertArrayEquals(sm2Request.getEncoded(), CertificationRequests.parse(wrapped).getEncoded());
  }

  @Test
  void parsesPemWithTheNewCertificateRequestLabel() throws IOException {
    String text = Pem.text("NEW CERTIFICATE REQUEST", rsaRequest.getEncoded());

    assertArrayEquals(rsaRequest.getEncoded(), CertificationRequests.parse(text).getEncoded());
  }

  @Test
  void openSslSm2RequestSignedWithDefaultUserIdParsesAndPassesProofOfPossession(@TempDir Path dir)
      throws IOException {
    generateSm2KeyWithOpenSsl(dir);
    OpenSslCommand.run(
        dir,
        "req",
        "-new",
        "-key",
        "k.pem",
        "-sm3",
        "-sigopt",
        SM2_DIST_ID,
        "-subj",
        "/CN=x",
        "-out",
        "csr.pem");

    PKCS10CertificationRequest parsed =
        CertificationRequests.parse(Files.readString(dir.resolve("csr.pem")));

    assertEquals(new X500Name("CN=x"), parsed.getSubject());
    assertEquals(
        GMObjectIdentifiers.sm2sign_with_sm3, parsed.getSignatureAlgorithm().getAlgorithm());
    assertEquals(
        GMObjectIdentifiers.sm2p256v1,
        parsed.getSubjectPublicKeyInfo().getAlgorithm().getParameters());
    assertDoesNotThrow(() -> CertificationRequests.verifyProofOfPossession(parsed));
  }

  @Test
  void openSslSm2RequestSignedWithEmptyUserIdFailsProofOfPossession(@TempDir Path dir)
      throws IOException {
    generateSm2KeyWithOpenSsl(dir);
    // Without -sigopt distid OpenSSL 3.0 signs with an empty user ID, not the GM/T 0009 default.
    OpenSslCommand.run(
        dir, "req", "-new", "-key", "k.pem", "-sm3", "-subj", "/CN=x", "-out", "csr.pem");

    PKCS10CertificationRequest parsed =
        CertificationRequests.parse(Files.readString(dir.resolve("csr.pem")));

    Refusal e =
        assertThrows(Refusal.class, () -> CertificationRequests.verifyProofOfPossession(parsed));
    assertEquals(RefusalCode.PROOF_OF_POSSESSION_FAILED, e.code());
    assertTrue(e.getMessage().contains("1234567812345678"), e.getMessage());
  }

  /** Has OpenSSL write a new SM2 private key to k.pem. */
  private static void generateSm2KeyWithOpenSsl(Path dir) {
    OpenSslCommand.run(
        dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "k.pem");
  }

  static Stream<Arguments> signedRequests() {
    return Stream.of(
        Arguments.of("SM2", csr("CN=a", TestKeys.sm2KeyPair(), "SM3withSM2")),
        Arguments.of("RSA", csr("CN=a", TestKeys.rsaKeyPair(2048), "SHA256withRSA")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signedRequests")
  void requestWithAFlippedSignatureByteFailsProofOfPossession(
      String algorithm, PKCS10CertificationRequest request) throws IOException {
    byte[] der = request.getEncoded();
    // The signature BIT STRING is the last field: its final byte is signature content.
    der[der.length - 1] ^= 0x01;

    PKCS10CertificationRequest tampered =
        CertificationRequests.parse(Base64.getEncoder().encodeToString(der));

    Refusal e =
        assertThrows(Refusal.class, () -> CertificationRequests.verifyProofOfPossession(tampered));
    assertEquals(RefusalCode.PROOF_OF_POSSESSION_FAILED, e.code());
  }

  @Test
  void requestSignedWithAnotherKeyThanItCarriesFailsProofOfPossession() throws IOException {
    KeyPair other = TestKeys.sm2KeyPair();
    PKCS10CertificationRequest request =
        csr("CN=a", sm2.getPublic(), other.getPrivate(), "SM3withSM2");

    PKCS10CertificationRequest parsed =
        CertificationRequests.parse(Pem.text("CERTIFICATE REQUEST", request.getEncoded()));

    Refusal e =
        assertThrows(Refusal.class, () -> CertificationRequests.verifyProofOfPossession(parsed));
    assertEquals(RefusalCode.PROOF_OF_POSSESSION_FAILED, e.code());
  }

  @Test
  void requestWhoseSm2PublicKeyIsNotACurvePointIsRefused() throws IOException {
    CertificationRequest real = sm2Request.toASN1Structure();
    SubjectPublicKeyInfo badKey =
        new SubjectPublicKeyInfo(
            real.getCertificationRequestInfo().getSubjectPublicKeyInfo().getAlgorithm(),
            new byte[65]);
    CertificationRequestInfo info =
        new CertificationRequestInfo(
            real.getCertificationRequestInfo().getSubject(),
            badKey,
            real.getCertificationRequestInfo().getAttributes());
    byte[] der =
        new CertificationRequest(info, real.getSignatureAlgorithm(), real.getSignature())
            .getEncoded();

    Refusal e =
        assertThrows(
            Refusal.class,
            () ->
                CertificationRequests.verifyProofOfPossession(
                    CertificationRequests.parse(Base64.getEncoder().encodeToString(der))));
    assertTrue(
        e.code() == RefusalCode.MALFORMED_REQUEST
            || e.code() == RefusalCode.PROOF_OF_POSSESSION_FAILED,
        e.code() + ": " + e.getMessage());
  }

  static Stream<Arguments> malformed() throws IOException {
    String certificatePem =
        Pem.text("CERTIFICATE", sm2Request().getEncoded()); // right content, wrong PEM type
    return Stream.of(
        Arguments.of("empty", ""),
        Arguments.of("blank", " \n\t "),
        Arguments.of("not base64", "this is not a request!"),
        Arguments.of(
            "base64 of garbage",
            Base64.getEncoder()
                .encodeToString("garbage, not DER at all".getBytes(StandardCharsets.US_ASCII))),
        Arguments.of(
            "base64 of a DER INTEGER",
            Base64.getEncoder().encodeToString(new byte[] {0x02, 0x01, 0x05})),
        Arguments.of("truncated DER", truncatedRequest()),
        Arguments.of("PEM block of type CERTIFICATE", certificatePem),
        Arguments.of(
            "PEM without END line",
            "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getEncoder().encodeToString(sm2Request().getEncoded())
                + "\n"),
        Arguments.of(
            "PEM with invalid base64",
            "-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----\n"),
        Arguments.of("longer than 64 KiB", "A".repeat(64 * 1024 + 4)));
  }

  private static PKCS10CertificationRequest sm2Request() {
    return csr("CN=a", TestKeys.sm2KeyPair(), "SM3withSM2");
  }

  private static PKCS10CertificationRequest csr(
      String subject, KeyPair keys, String signatureAlgorithm) {
    return csr(subject, keys.getPublic(), keys.getPrivate(), signatureAlgorithm);
  }

  /** A PKCS#10 request for {@code subjectKey}, signed with {@code signingKey}. */
  private static PKCS10CertificationRequest csr(
      String subject, PublicKey subjectKey, PrivateKey signingKey, String signatureAlgorithm) {
    return new PKCS10CertificationRequestBuilder(new X500Name(subject), TestKeys.spki(subjectKey))
        .build(TestKeys.signer(signatureAlgorithm, signingKey));
  }

  private static String truncatedRequest() throws IOException {
    byte[] der = sm2Request().getEncoded();
    byte[] cut = new byte[der.length - 10];
    System.arraycopy(der, 0, cut, 0, cut.length);
    return Base64.getEncoder().encodeToString(cut);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedInputIsRefusedAsMalformedRequestNamingPkcs10(String what, String text) {
    Refusal e = assertThrows(Refusal.class, () -> CertificationRequests.parse(text));

    assertEquals(RefusalCode.MALFORMED_REQUEST, e.code());
    assertTrue(e.getMessage().contains("pkcs10"), e.getMessage());
  }

  @ParameterizedTest
  @NullSource
  void nullInputIsRefusedAsMalformedRequestNamingPkcs10(String text) {
    Refusal e = assertThrows(Refusal.class, () -> CertificationRequests.parse(text));

    assertEquals(RefusalCode.MALFORMED_REQUEST, e.code());
    assertTrue(e.getMessage().contains("pkcs10"), e.getMessage());
  }

  @Test
  void aDeeplyNestedRequestIsRefusedAsMalformedNotAStackOverflow() {
    byte[] deep = new byte[40_000]; // 10,000 indefinite-length SEQUENCEs and their end markers
    for (int i = 0; i < 10_000; i++) {
      deep[2 * i] = 0x30;
      deep[2 * i + 1] = (byte) 0x80;
    }
    String text = Base64.getEncoder().encodeToString(deep);

    Refusal e = assertThrows(Refusal.class, () -> CertificationRequests.parse(text));

    assertEquals(RefusalCode.MALFORMED_REQUEST, e.code());
    assertEquals(
        "pkcs10 is not a PKCS#10 request: the ASN.1 encoding is nested more than 64 levels deep",
        e.getMessage());
  }

  /**
   * The security review's request: an SM2 PKCS#10 whose signature BIT STRING holds a tag numbered
   * 2^28 (five base-128 digits) and then 12,000 nested indefinite-length SEQUENCEs, which
   * BouncyCastle's signature decoding follows until its stack overflows.
   */
  @Test
  void aHighTagNumberAndDeepNestingInsideTheSignatureAreRefusedNotAStackOverflow()
      throws IOException {
    byte[] crafted = highTagThenNestedSignature(sm2Request, 12_000);

    Refusal refused =
        assertThrows(
            Refusal.class,
            () -> CertificationRequests.parse(Base64.getEncoder().encodeToString(crafted)));
    assertEquals(RefusalCode.MALFORMED_REQUEST, refused.code());
    assertEquals(
        "pkcs10 is not a PKCS#10 request: the ASN.1 encoding is nested more than 64 levels deep",
        refused.getMessage());

    // behind the check, the proof of possession turns an overflow into its refusal too
    PKCS10CertificationRequest unchecked = new PKCS10CertificationRequest(crafted);
    Refusal unverifiable =
        assertThrows(Refusal.class, () -> CertificationRequests.verifyProofOfPossession(unchecked));
    assertEquals(RefusalCode.PROOF_OF_POSSESSION_FAILED, unverifiable.code());
    assertEquals(
        "the PKCS#10 signature cannot be checked (the ASN.1 encoding is nested too deeply to"
            + " parse): proof of possession failed",
        unverifiable.getMessage());
  }

  private static byte[] highTagThenNestedSignature(PKCS10CertificationRequest request, int levels)
      throws IOException {
    java.io.ByteArrayOutputStream signature = new java.io.ByteArrayOutputStream();
    signature.writeBytes(
        new byte[] {
          (byte) 0xBF, (byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0, (byte) 0x80
        });
    for (int i = 0; i < levels; i++) {
      signature.writeBytes(new byte[] {0x30, (byte) 0x80});
    }
    signature.writeBytes(new byte[2 * (levels + 1)]); // the end-of-contents octets
    CertificationRequest real = request.toASN1Structure();
    return new CertificationRequest(
            real.getCertificationRequestInfo(),
            real.getSignatureAlgorithm(),
            new org.bouncycastle.asn1.DERBitString(signature.toByteArray()))
        .getEncoded();
  }

  @Test
  void pemBlockOfTheWrongTypeIsRefusedNamingTheType() throws IOException {
    String text = Pem.text("CERTIFICATE", sm2Request.getEncoded());

    Refusal e = assertThrows(Refusal.class, () -> CertificationRequests.parse(text));

    assertEquals(RefusalCode.MALFORMED_REQUEST, e.code());
    assertTrue(e.getMessage().contains("CERTIFICATE REQUEST"), e.getMessage());
    assertTrue(e.getMessage().contains("not CERTIFICATE"), e.getMessage());
  }
}
