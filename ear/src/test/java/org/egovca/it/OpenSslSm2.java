package org.egovca.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * OpenSSL 3.0 verifies SM2 signatures on CRLs and OCSP responses only through {@code pkeyutl} with
 * the GM/T 0009 default user ID, given the signed bytes and the signature value apart.
 */
final class OpenSslSm2 {

  private OpenSslSm2() {}

  static void assertSignatureVerifies(
      Path directory, byte[] signed, byte[] signature, X509CertificateHolder signer)
      throws Exception {
    Files.write(directory.resolve("tbs.der"), signed);
    Files.write(directory.resolve("sig.der"), signature);
    Files.writeString(directory.resolve("signer.pem"), pem(signer.getEncoded()));
    Commands.ok(
        directory, "openssl", "x509", "-in", "signer.pem", "-pubkey", "-noout", "-out", "pub.pem");
    String out =
        Commands.ok(
            directory,
            "openssl",
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            "pub.pem",
            "-rawin",
            "-digest",
            "sm3",
            "-pkeyopt",
            "distid:1234567812345678",
            "-in",
            "tbs.der",
            "-sigfile",
            "sig.der");
    assertTrue(out.contains("Signature Verified Successfully"), out);
  }

  static String pem(byte[] certificate) {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate)
        + "\n-----END CERTIFICATE-----\n";
  }
}
