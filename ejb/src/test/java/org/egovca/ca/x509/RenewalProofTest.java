package org.egovca.ca.x509;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.OpenSslCommand;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenewalProofTest {

  private static final Instant T = Instant.parse("2026-12-07T08:00:00Z");
  private static final BigInteger SERIAL = new BigInteger("5f3a0c11d2", 16);
  private static final byte[] REQUEST = "the DER of a PKCS#10".getBytes(StandardCharsets.US_ASCII);

  private final KeyPair sm2 = TestKeys.sm2KeyPair();

  private static String sign(String algorithm, KeyPair key, String statement) throws Exception {
    Signature signature = Signature.getInstance(algorithm, TestKeys.BC);
    signature.initSign(key.getPrivate());
    signature.update(statement.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(signature.sign());
  }

  private RenewalProof proof(RenewalProof.Operation operation, Instant time) throws Exception {
    String statement = RenewalProof.statement(operation, SERIAL, time, REQUEST);
    return RenewalProof.parse(statement, sign("SM3withSM2", sm2, statement));
  }

  private static Refusal refused(Runnable check) {
    return assertThrows(Refusal.class, check::run);
  }

  @Test
  void theStatementNamesOperationSerialTimeAndTheRequestsSha256() throws Exception {
    String requestSha256 =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(REQUEST));
    assertEquals(
        "e-Gov CA renewal proof v1\n"
            + "operation: RENEW\n"
            + "serial: 5f3a0c11d2\n"
            + "time: 2026-12-07T08:00:00Z\n"
            + "request: "
            + requestSha256
            + "\n",
        RenewalProof.statement(RenewalProof.Operation.RENEW, SERIAL, T.plusMillis(400), REQUEST));
  }

  @Test
  void aProofBoundToThisCertificateAndRequestSignedWithItsKeyIsAccepted() throws Exception {
    RenewalProof proof = proof(RenewalProof.Operation.RENEW, T);

    assertDoesNotThrow(() -> proof.requireBoundTo(RenewalProof.Operation.RENEW, SERIAL, REQUEST));
    assertDoesNotThrow(() -> proof.requireFreshAt(T.plusSeconds(299)));
    assertDoesNotThrow(() -> proof.requireSignedBy(TestKeys.spki(sm2.getPublic()), "5f3a0c11d2"));
  }

  @Test
  void anRsaKeySignsWithSha256() throws Exception {
    KeyPair rsa = TestKeys.rsaKeyPair(2048);
    String statement = RenewalProof.statement(RenewalProof.Operation.REKEY, SERIAL, T, REQUEST);
    RenewalProof proof = RenewalProof.parse(statement, sign("SHA256withRSA", rsa, statement));

    assertDoesNotThrow(() -> proof.requireSignedBy(TestKeys.spki(rsa.getPublic()), "5f3a0c11d2"));
  }

  @Test
  void aProofForAnotherOperationCertificateOrRequestIsRefused() throws Exception {
    RenewalProof proof = proof(RenewalProof.Operation.RENEW, T);

    assertTrue(
        refused(() -> proof.requireBoundTo(RenewalProof.Operation.REKEY, SERIAL, REQUEST))
            .getMessage()
            .contains("made for RENEW, not REKEY"));
    assertEquals(
        RefusalCode.RENEWAL_REFUSED,
        refused(
                () ->
                    proof.requireBoundTo(
                        RenewalProof.Operation.RENEW, SERIAL.add(BigInteger.ONE), REQUEST))
            .code());
    assertTrue(
        refused(
                () ->
                    proof.requireBoundTo(
                        RenewalProof.Operation.RENEW, SERIAL, "another request".getBytes()))
            .getMessage()
            .contains("another PKCS#10"));
  }

  @Test
  void aStaleOrFutureProofIsRefused() throws Exception {
    RenewalProof proof = proof(RenewalProof.Operation.RENEW, T);

    Refusal stale = refused(() -> proof.requireFreshAt(T.plusSeconds(301)));
    assertEquals(RefusalCode.RENEWAL_REFUSED, stale.code());
    assertTrue(stale.getMessage().contains("sign a new one"), stale.getMessage());
    refused(() -> proof.requireFreshAt(T.minusSeconds(301)));
  }

  @Test
  void aProofSignedWithAnotherKeyIsRefused() throws Exception {
    RenewalProof proof = proof(RenewalProof.Operation.RENEW, T);
    KeyPair other = TestKeys.sm2KeyPair();

    Refusal wrongKey =
        refused(() -> proof.requireSignedBy(TestKeys.spki(other.getPublic()), "5f3a0c11d2"));
    assertEquals(RefusalCode.PROOF_OF_POSSESSION_FAILED, wrongKey.code());
  }

  @Test
  void aChangedStatementNoLongerVerifies() throws Exception {
    String statement = RenewalProof.statement(RenewalProof.Operation.RENEW, SERIAL, T, REQUEST);
    String signature = sign("SM3withSM2", sm2, statement);
    RenewalProof later = RenewalProof.parse(statement.replace("08:00:00Z", "08:04:00Z"), signature);

    refused(() -> later.requireSignedBy(TestKeys.spki(sm2.getPublic()), "5f3a0c11d2"));
  }

  @Test
  void malformedProofsAreRefusedNamingTheProblem() {
    String good = RenewalProof.statement(RenewalProof.Operation.RENEW, SERIAL, T, REQUEST);
    assertMalformed(null, "AAAA", "missing");
    assertMalformed("x".repeat(600), "AAAA", "longer than 512");
    assertMalformed(good.replace("v1", "v2"), "AAAA", "five lines");
    assertMalformed(good.substring(0, good.length() - 1), "AAAA", "five lines");
    assertMalformed(good.replace("\n", "\r\n"), "AAAA", "five lines");
    assertMalformed(good.replace("RENEW", "REVOKE"), "AAAA", "RENEW or REKEY");
    assertMalformed(good.replace("serial: 5f3a0c11d2", "serial: 5F3A"), "AAAA", "lower-case");
    assertMalformed(good.replace("2026-12-07T08:00:00Z", "yesterday"), "AAAA", "UTC");
    assertMalformed(good.replaceFirst("request: [0-9a-f]+", "request: 00"), "AAAA", "SHA-256");
    assertMalformed(good.replace("time:", "when:"), "AAAA", "'time: …'");
    assertMalformed(good, "not base64!", "base64");
    assertMalformed(good, "", "signature is missing");
  }

  private static void assertMalformed(String statement, String signature, String expected) {
    Refusal refused = assertThrows(Refusal.class, () -> RenewalProof.parse(statement, signature));
    assertEquals(RefusalCode.MALFORMED_REQUEST, refused.code());
    assertTrue(refused.getMessage().contains(expected), refused.getMessage());
  }

  /** A holder with OpenSSL alone can make the proof: the statement file and pkeyutl. */
  @Test
  void aProofMadeWithOpenSslVerifies(@TempDir Path directory) throws Exception {
    String statement = RenewalProof.statement(RenewalProof.Operation.REKEY, SERIAL, T, REQUEST);
    Files.writeString(directory.resolve("proof.txt"), statement, StandardCharsets.UTF_8);
    Pem.writePrivateKey(directory.resolve("key.pem"), sm2.getPrivate());
    OpenSslCommand.run(
        directory,
        "pkeyutl",
        "-sign",
        "-inkey",
        "key.pem",
        "-rawin",
        "-digest",
        "sm3",
        "-pkeyopt",
        OpenSslCommand.SM2_DIST_ID,
        "-in",
        "proof.txt",
        "-out",
        "proof.sig");
    String signature =
        Base64.getEncoder().encodeToString(Files.readAllBytes(directory.resolve("proof.sig")));

    RenewalProof proof = RenewalProof.parse(statement, signature);
    assertDoesNotThrow(() -> proof.requireSignedBy(TestKeys.spki(sm2.getPublic()), "5f3a0c11d2"));
  }
}
