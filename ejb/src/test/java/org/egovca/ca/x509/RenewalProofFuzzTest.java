package org.egovca.ca.x509;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;

/**
 * Fuzzes the holder's renewal proof as a caller sends it: the statement text and the base64
 * signature, read, bound to a certificate and request, checked for freshness and verified with the
 * certificate's SM2 key. Half the inputs start from a well-formed, correctly signed proof whose
 * statement or signature the fuzzer then changes. Contract: accepted, or refused as
 * MALFORMED_REQUEST, RENEWAL_REFUSED or PROOF_OF_POSSESSION_FAILED; never another exception.
 */
class RenewalProofFuzzTest {

  private static final Set<RefusalCode> REFUSALS =
      Set.of(
          RefusalCode.MALFORMED_REQUEST,
          RefusalCode.RENEWAL_REFUSED,
          RefusalCode.PROOF_OF_POSSESSION_FAILED);
  private static final Instant T = Instant.parse("2026-12-07T08:00:00Z");
  private static final BigInteger SERIAL = new BigInteger("5f3a0c11d2", 16);
  private static final byte[] REQUEST = "the DER of a PKCS#10".getBytes(StandardCharsets.US_ASCII);
  private static final KeyPair KEY = TestKeys.sm2KeyPair();
  private static final SubjectPublicKeyInfo PUBLIC = TestKeys.spki(KEY.getPublic());
  private static final String STATEMENT =
      RenewalProof.statement(RenewalProof.Operation.RENEW, SERIAL, T, REQUEST);
  private static final byte[] SIGNATURE = sign(STATEMENT);

  @FuzzTest(maxDuration = "15s")
  void aProofIsAcceptedOrRefusedWithATypedReason(FuzzedDataProvider data) {
    String statement;
    String signature;
    if (data.consumeBoolean()) {
      // a good proof, changed in one place
      statement =
          data.consumeBoolean()
              ? STATEMENT
              : STATEMENT.substring(0, data.consumeInt(0, STATEMENT.length()))
                  + data.consumeString(64)
                  + STATEMENT.substring(data.consumeInt(0, STATEMENT.length()));
      byte[] bytes = SIGNATURE.clone();
      if (bytes.length > 0 && data.consumeBoolean()) {
        bytes[data.consumeInt(0, bytes.length - 1)] ^= (byte) data.consumeInt(1, 255);
      }
      signature = Base64.getEncoder().encodeToString(bytes);
    } else {
      statement = data.consumeString(700);
      signature =
          data.consumeBoolean()
              ? Base64.getEncoder().encodeToString(data.consumeBytes(1100))
              : data.consumeRemainingAsString();
    }
    try {
      RenewalProof proof = RenewalProof.parse(statement, signature);
      proof.requireBoundTo(RenewalProof.Operation.RENEW, SERIAL, REQUEST);
      proof.requireFreshAt(T);
      proof.requireSignedBy(PUBLIC, "5f3a0c11d2");
    } catch (Refusal refused) {
      if (!REFUSALS.contains(refused.code())) {
        throw new AssertionError("unexpected refusal " + refused.code(), refused);
      }
    }
  }

  private static byte[] sign(String statement) {
    try {
      Signature signer = Signature.getInstance("SM3withSM2", TestKeys.BC);
      signer.initSign(KEY.getPrivate());
      signer.update(statement.getBytes(StandardCharsets.UTF_8));
      return signer.sign();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
