package org.egovca.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A holder's renewal proof made with OpenSSL alone, as the README tells a holder to make it: the
 * five-line statement (operation, serial, time, SHA-256 of the request's DER) signed with the
 * current key by {@code openssl pkeyutl}.
 */
record HolderProof(String statement, String signature) {

  private static final String SM2_ID = "distid:1234567812345678";

  /** The SOAP parameters {@code renewalProof} and {@code renewalProofSignature}. */
  String elements() {
    return RaSoapClient.element("renewalProof", statement)
        + RaSoapClient.element("renewalProofSignature", signature);
  }

  /** A proof made now. */
  static HolderProof sign(
      Path directory, String operation, String serialHex, String request, String signerKey)
      throws Exception {
    return sign(directory, operation, serialHex, Instant.now(), request, signerKey);
  }

  /**
   * The proof for {@code operation} (RENEW or REKEY) of certificate {@code serialHex} with the
   * request {@code request}.csr, dated {@code time}, signed with the SM2 key {@code signerKey}.key
   * of {@code directory}.
   */
  static HolderProof sign(
      Path directory,
      String operation,
      String serialHex,
      Instant time,
      String request,
      String signerKey)
      throws Exception {
    Commands.ok(
        directory,
        "openssl",
        "req",
        "-in",
        request + ".csr",
        "-outform",
        "DER",
        "-out",
        request + ".csr.der");
    String requestSha256 =
        Commands.ok(directory, "openssl", "dgst", "-sha256", "-r", request + ".csr.der")
            .strip()
            .split(" ")[0];
    String statement =
        "e-Gov CA renewal proof v1\n"
            + "operation: "
            + operation
            + "\nserial: "
            + serialHex
            + "\ntime: "
            + time.truncatedTo(ChronoUnit.SECONDS)
            + "\nrequest: "
            + requestSha256
            + "\n";
    Path file = directory.resolve(request + "." + operation + ".proof");
    Files.writeString(file, statement, StandardCharsets.UTF_8);
    Commands.ok(
        directory,
        "openssl",
        "pkeyutl",
        "-sign",
        "-inkey",
        signerKey + ".key",
        "-rawin",
        "-digest",
        "sm3",
        "-pkeyopt",
        SM2_ID,
        "-in",
        file.getFileName().toString(),
        "-out",
        file.getFileName() + ".sig");
    return new HolderProof(
        statement,
        Base64.getEncoder()
            .encodeToString(Files.readAllBytes(directory.resolve(file.getFileName() + ".sig"))));
  }
}
