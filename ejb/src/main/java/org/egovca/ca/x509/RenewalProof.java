package org.egovca.ca.x509;

import static org.egovca.ca.domain.RefusalCode.MALFORMED_REQUEST;
import static org.egovca.ca.domain.RefusalCode.PROOF_OF_POSSESSION_FAILED;
import static org.egovca.ca.domain.RefusalCode.RENEWAL_REFUSED;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.ca.domain.Refusal;
import org.egovca.hsm.SignatureAlgorithm;

/**
 * The holder's proof, for an online renewal or re-key (CPS §6.1.4.6–6.1.4.7), that they hold the
 * current private key now and ask for this very request: a short statement, signed with the current
 * key, that names the operation, the certificate's serial number, the time and the SHA-256 of the
 * PKCS#10. A proof is good for one request, for {@link #FRESHNESS} around its time; the statement
 * is plain text so any tool can make it (see {@link #statement}).
 *
 * <pre>
 * e-Gov CA renewal proof v1
 * operation: RENEW
 * serial: 5f3a0c...
 * time: 2026-12-07T05:37:15Z
 * request: 9b1d...(SHA-256 of the PKCS#10 DER, hex)
 * </pre>
 */
public final class RenewalProof {

  /** What the holder asks for. */
  public enum Operation {
    RENEW,
    REKEY
  }

  /** How far the proof's time may lie from the moment the CA receives it. */
  public static final Duration FRESHNESS = Duration.ofMinutes(5);

  static final String HEADER = "e-Gov CA renewal proof v1";
  private static final int MAX_STATEMENT_BYTES = 512;
  private static final int MAX_SIGNATURE_BYTES = 1024;

  private final String statement;
  private final byte[] signature;
  private final Operation operation;
  private final BigInteger serial;
  private final Instant time;
  private final String requestSha256;

  private RenewalProof(
      String statement,
      byte[] signature,
      Operation operation,
      BigInteger serial,
      Instant time,
      String requestSha256) {
    this.statement = statement;
    this.signature = signature;
    this.operation = operation;
    this.serial = serial;
    this.time = time;
    this.requestSha256 = requestSha256;
  }

  /** The statement a holder signs for {@code operation} on {@code serial} with {@code request}. */
  public static String statement(
      Operation operation, BigInteger serial, Instant time, byte[] requestDer) {
    return HEADER
        + "\noperation: "
        + operation
        + "\nserial: "
        + serial.toString(16)
        + "\ntime: "
        + time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        + "\nrequest: "
        + sha256(requestDer)
        + "\n";
  }

  /**
   * Reads a proof: the statement exactly as signed and the base64 signature.
   *
   * @throws Refusal MALFORMED_REQUEST naming what is wrong with it
   */
  public static RenewalProof parse(String statement, String signatureBase64) {
    if (statement == null || statement.isEmpty()) {
      throw malformed("the renewal proof is missing: sign the statement of " + HEADER);
    }
    if (statement.length() > MAX_STATEMENT_BYTES) {
      throw malformed("the renewal proof is longer than " + MAX_STATEMENT_BYTES + " characters");
    }
    List<String> lines = List.of(statement.split("\n", -1));
    // five lines and the final newline, nothing else
    if (lines.size() != 6 || !lines.get(5).isEmpty() || !lines.get(0).equals(HEADER)) {
      throw malformed(
          "the renewal proof must be the five lines of '"
              + HEADER
              + "' (operation, serial, time, request), each ending in a line feed");
    }
    Operation operation;
    try {
      operation = Operation.valueOf(field(lines.get(1), "operation"));
    } catch (IllegalArgumentException e) {
      throw malformed("the renewal proof's operation must be RENEW or REKEY");
    }
    String serialText = field(lines.get(2), "serial");
    if (!serialText.matches("[0-9a-f]{1,40}")) {
      throw malformed("the renewal proof's serial must be lower-case hexadecimal");
    }
    Instant time;
    try {
      time = Instant.parse(field(lines.get(3), "time"));
    } catch (DateTimeParseException e) {
      throw malformed("the renewal proof's time must be UTC, like 2026-12-07T05:37:15Z");
    }
    String request = field(lines.get(4), "request");
    if (!request.matches("[0-9a-f]{64}")) {
      throw malformed("the renewal proof's request must be the SHA-256 of the PKCS#10, in hex");
    }
    byte[] signature;
    try {
      signature =
          Base64.getMimeDecoder().decode(signatureBase64 == null ? "" : signatureBase64.strip());
    } catch (IllegalArgumentException e) {
      throw malformed("the renewal proof's signature must be base64");
    }
    if (signature.length == 0 || signature.length > MAX_SIGNATURE_BYTES) {
      throw malformed("the renewal proof's signature is missing or too long");
    }
    return new RenewalProof(
        statement, signature, operation, new BigInteger(serialText, 16), time, request);
  }

  private static String field(String line, String name) {
    String prefix = name + ": ";
    if (!line.startsWith(prefix)) {
      throw malformed("the renewal proof's line '" + name + ": …' is missing or out of order");
    }
    return line.substring(prefix.length());
  }

  /**
   * Refuses a proof made for another operation, certificate or request.
   *
   * @throws Refusal RENEWAL_REFUSED naming which
   */
  public void requireBoundTo(Operation expected, BigInteger certificateSerial, byte[] requestDer) {
    if (operation != expected) {
      throw refused("the renewal proof was made for " + operation + ", not " + expected);
    }
    if (!serial.equals(certificateSerial)) {
      throw refused(
          "the renewal proof names certificate "
              + serial.toString(16)
              + ", not "
              + certificateSerial.toString(16));
    }
    if (!requestSha256.equals(sha256(requestDer))) {
      throw refused("the renewal proof was made for another PKCS#10 request");
    }
  }

  /**
   * Refuses a proof whose time lies more than {@link #FRESHNESS} from {@code now}.
   *
   * @throws Refusal RENEWAL_REFUSED
   */
  public void requireFreshAt(Instant now) {
    if (Duration.between(time, now).abs().compareTo(FRESHNESS) > 0) {
      throw refused(
          "the renewal proof is dated "
              + time
              + ", more than "
              + FRESHNESS.toMinutes()
              + " minutes from now ("
              + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
              + "): sign a new one");
    }
  }

  /**
   * Refuses a proof that is not signed with the private key of {@code currentKey}.
   *
   * @throws Refusal PROOF_OF_POSSESSION_FAILED
   */
  public void requireSignedBy(SubjectPublicKeyInfo currentKey, String certificateSerialHex) {
    boolean valid;
    try {
      SignatureAlgorithm algorithm =
          SignatureAlgorithm.forKey(
              SubjectKeys.algorithmOf(currentKey)
                  .orElseThrow(() -> new GeneralSecurityException("unsupported key")));
      Signature verifier = Signature.getInstance(algorithm.jcaName(), BouncyCastle.provider());
      verifier.initVerify(SubjectKeys.toPublicKey(currentKey));
      verifier.update(statement.getBytes(StandardCharsets.UTF_8));
      valid = verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException | StackOverflowError e) {
      valid = false; // the signature value is decoded as ASN.1: however nested, it proves nothing
    }
    if (!valid) {
      throw new Refusal(
          PROOF_OF_POSSESSION_FAILED,
          "the renewal proof is not signed with the private key of certificate "
              + certificateSerialHex);
    }
  }

  /** The SHA-256 of the statement: one proof, one use. */
  public String digest() {
    return sha256(statement.getBytes(StandardCharsets.UTF_8));
  }

  public String statement() {
    return statement;
  }

  public String signatureBase64() {
    return Base64.getEncoder().encodeToString(signature);
  }

  public Instant time() {
    return time;
  }

  public Operation operation() {
    return operation;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          .toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static Refusal malformed(String message) {
    return new Refusal(MALFORMED_REQUEST, message);
  }

  private static Refusal refused(String message) {
    return new Refusal(RENEWAL_REFUSED, message);
  }
}
