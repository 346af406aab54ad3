package org.egovca.ca.x509;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Base64;
import java.util.Set;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;

/**
 * Fuzzes what the CA does with a caller's PKCS#10 before any profile applies: parse it (base64 DER
 * or PEM, as the SOAP field and the console take it), check its proof of possession, read its key.
 * Contract: the request is accepted or refused with MALFORMED_REQUEST or
 * PROOF_OF_POSSESSION_FAILED; no other exception, no StackOverflowError.
 */
class CertificationRequestsFuzzTest {

  private static final Set<RefusalCode> REFUSALS =
      Set.of(RefusalCode.MALFORMED_REQUEST, RefusalCode.PROOF_OF_POSSESSION_FAILED);

  @FuzzTest(maxDuration = "15s")
  void aRequestIsAcceptedOrRefusedAsMalformedOrWithoutProof(FuzzedDataProvider data) {
    int form = data.consumeInt(0, 2);
    byte[] der = data.consumeRemainingAsBytes();
    String text =
        switch (form) {
          case 0 -> Base64.getEncoder().encodeToString(der);
          case 1 ->
              "-----BEGIN CERTIFICATE REQUEST-----\n"
                  + Base64.getMimeEncoder().encodeToString(der)
                  + "\n-----END CERTIFICATE REQUEST-----\n";
          default -> new String(der, java.nio.charset.StandardCharsets.ISO_8859_1);
        };
    try {
      PKCS10CertificationRequest request = CertificationRequests.parse(text);
      CertificationRequests.verifyProofOfPossession(request);
      SubjectKeys.algorithmOf(request.getSubjectPublicKeyInfo());
      SubjectKeys.describe(request.getSubjectPublicKeyInfo());
    } catch (Refusal refused) {
      if (!REFUSALS.contains(refused.code())) {
        throw new AssertionError("unexpected refusal " + refused.code(), refused);
      }
    }
  }
}
