package org.egovca.kmc.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.egovca.kmc.protocol.KmcProtocolException.Refusal;
import org.egovca.kmc.protocol.asn1.CARequest;

/**
 * Fuzzes what the KMC parses from the network. Contract: {@link CaRequests#parse} returns a request
 * or refuses with MALFORMED, never anything else; and a request it returns is exactly the octets it
 * was read from (so a signature is checked over one encoding only) and reads back equal.
 */
class CaRequestFuzzTest {

  @FuzzTest(maxDuration = "15s")
  void parsedRequestsReEncodeExactly(byte[] body) throws IOException {
    CARequest request;
    try {
      request = CaRequests.parse(body);
    } catch (KmcProtocolException e) {
      if (e.getRefusal() != Refusal.MALFORMED) {
        throw new AssertionError("parsing refused with " + e.getRefusal(), e);
      }
      return;
    }
    byte[] encoded = request.getEncoded(ASN1Encoding.DER);
    if (!Arrays.equals(body, encoded)) {
      throw new AssertionError("a parsed CARequest re-encodes differently");
    }
    if (!request.equals(CARequest.getInstance(encoded))
        || !request.getKsRequest().equals(CARequest.getInstance(encoded).getKsRequest())) {
      throw new AssertionError("a parsed CARequest reads back different");
    }
  }
}
