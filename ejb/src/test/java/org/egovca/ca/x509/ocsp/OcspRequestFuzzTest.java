package org.egovca.ca.x509.ocsp;

import static org.egovca.ca.x509.ocsp.OcspTestPki.SHA1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.cert.ocsp.OCSPResp;

/**
 * Fuzzes the OCSP responder with the bytes of a POST body (what {@code /pki/ocsp} hands it after
 * the 64 KiB limit). Contract: every input gets an OCSPResponse, never an exception; it is
 * successful, malformedRequest or unauthorized (not our CA), never internalError, which would mean
 * the caller's bytes broke the responder.
 */
class OcspRequestFuzzTest {

  private static final OcspTestPki PKI = OcspTestPki.get();
  private static final OcspResponder RESPONDER =
      new OcspResponder(
          InMemoryStatusLookup.standard(PKI.sm2.caSigned(false, new AtomicInteger())),
          Duration.ofHours(4));
  private static final Set<Integer> ANSWERS =
      Set.of(OCSPResp.SUCCESSFUL, OCSPResp.MALFORMED_REQUEST, OCSPResp.UNAUTHORIZED);
  private static final Instant NOW = Instant.now();

  static {
    PKI.sm2.certId(SHA1, OcspTestPki.GOOD); // the seed corpus asks about this certificate
  }

  @FuzzTest(maxDuration = "15s")
  void everyRequestGetsAnAnswerThatIsNotAnInternalError(byte[] request) throws IOException {
    byte[] answer = RESPONDER.respond(request, NOW);
    int status = new OCSPResp(answer).getStatus();
    if (!ANSWERS.contains(status)) {
      throw new AssertionError("the responder answered status " + status);
    }
  }
}
