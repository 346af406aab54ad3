package org.egovca.ca.x509;

import static org.egovca.ca.domain.RefusalCode.MALFORMED_REQUEST;
import static org.egovca.ca.domain.RefusalCode.PROOF_OF_POSSESSION_FAILED;

import java.io.IOException;
import java.io.StringReader;
import java.util.Base64;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.egovca.ca.domain.Refusal;
import org.egovca.guard.Asn1Limits;
import org.egovca.guard.MalformedAsn1Exception;

/**
 * Reads PKCS#10 certification requests (base64 DER or PEM) and checks proof of possession (CPS
 * §6.1.3.2.1): the request's signature must verify with the public key it carries. SM2 requests are
 * verified with the GM/T 0009 default user ID {@code 1234567812345678}.
 */
public final class CertificationRequests {

  /** Generous upper bound; a real request is a few hundred bytes to a few kilobytes. */
  private static final int MAX_LENGTH = 64 * 1024;

  private CertificationRequests() {}

  /** Parses the request, refusing anything that is not a well-formed PKCS#10. */
  public static PKCS10CertificationRequest parse(String text) {
    if (text == null || text.isBlank()) {
      throw new Refusal(MALFORMED_REQUEST, "pkcs10 is empty: send the PKCS#10 request");
    }
    if (text.length() > MAX_LENGTH) {
      throw new Refusal(MALFORMED_REQUEST, "pkcs10 is longer than " + MAX_LENGTH + " characters");
    }
    byte[] der = text.strip().startsWith("-----BEGIN") ? pemContent(text) : base64(text);
    try {
      // BouncyCastle recurses per nesting level: a deeply nested request would overflow the stack
      Asn1Limits.check(der);
    } catch (MalformedAsn1Exception e) {
      throw new Refusal(MALFORMED_REQUEST, "pkcs10 is not a PKCS#10 request: " + e.getMessage());
    }
    try {
      return new PKCS10CertificationRequest(der);
    } catch (IOException | RuntimeException e) {
      throw new Refusal(
          MALFORMED_REQUEST,
          "pkcs10 is not a DER-encoded PKCS#10 certification request (" + e.getMessage() + ")");
    } catch (StackOverflowError e) { // what the check above missed still gets the refusal
      throw new Refusal(
          MALFORMED_REQUEST, "pkcs10 is not a PKCS#10 request: " + Asn1Limits.TOO_DEEP_TO_PARSE);
    }
  }

  /** Refuses the request unless its signature verifies with its own public key. */
  public static void verifyProofOfPossession(PKCS10CertificationRequest request) {
    boolean valid;
    try {
      ContentVerifierProvider verifier =
          new JcaContentVerifierProviderBuilder()
              .setProvider(BouncyCastle.provider())
              .build(request.getSubjectPublicKeyInfo());
      valid = request.isSignatureValid(verifier);
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      throw new Refusal(
          PROOF_OF_POSSESSION_FAILED,
          "the PKCS#10 signature cannot be checked ("
              + e.getMessage()
              + "): proof of possession failed");
    } catch (StackOverflowError e) { // the signature value is decoded as ASN.1
      throw new Refusal(
          PROOF_OF_POSSESSION_FAILED,
          "the PKCS#10 signature cannot be checked ("
              + Asn1Limits.TOO_DEEP_TO_PARSE
              + "): proof of possession failed");
    }
    if (!valid) {
      throw new Refusal(
          PROOF_OF_POSSESSION_FAILED,
          "the PKCS#10 signature does not verify with the request's public key: proof of"
              + " possession failed (SM2 requests must be signed with user ID 1234567812345678)");
    }
  }

  private static byte[] pemContent(String text) {
    try (PemReader reader = new PemReader(new StringReader(text))) {
      PemObject pem = reader.readPemObject();
      if (pem == null || !pem.getType().endsWith("CERTIFICATE REQUEST")) {
        throw new Refusal(
            MALFORMED_REQUEST,
            "pkcs10 PEM must be a CERTIFICATE REQUEST block"
                + (pem == null ? "" : ", not " + pem.getType()));
      }
      return pem.getContent();
    } catch (IOException | RuntimeException e) {
      if (e instanceof Refusal) {
        throw (Refusal) e;
      }
      throw new Refusal(MALFORMED_REQUEST, "pkcs10 is not valid PEM: " + e.getMessage());
    }
  }

  private static byte[] base64(String text) {
    String compact = text.replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      throw new Refusal(
          MALFORMED_REQUEST, "pkcs10 is neither PEM nor base64 DER: " + e.getMessage());
    }
  }
}
