package org.egovca.it.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.egovca.it.Commands;

/**
 * Keys, requests and scans for the console tests, made by OpenSSL 3 (independent of the CA): SM2
 * requests of applicants, RSA requests and PKCS#12 files of operators, and tiny valid scans.
 */
public final class Pki {

  private static final String SM2_USER_ID = "distid:1234567812345678";

  /** A 1x1 PNG: what the RA accepts as a scan (recognised by content). */
  private static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private static final int[] ID_CARD_WEIGHTS = {
    7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
  };
  private static final String ID_CARD_CHECK = "10X98765432";

  private Pki() {}

  /** An applicant's SM2 key and PKCS#10, signed with the GM/T 0009 default user ID. */
  static String sm2Request(Path directory, String name) throws IOException, InterruptedException {
    openssl(
        directory,
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:SM2",
        "-out",
        name + ".key");
    openssl(
        directory,
        "req",
        "-new",
        "-key",
        name + ".key",
        "-sm3",
        "-sigopt",
        SM2_USER_ID,
        "-subj",
        "/CN=" + name,
        "-out",
        name + ".csr");
    return Files.readString(directory.resolve(name + ".csr"), StandardCharsets.US_ASCII);
  }

  /** An operator's RSA-2048 key ({@code name.key}) and PKCS#10 (the CA sets the subject). */
  static String rsaRequest(Path directory, String name) throws IOException, InterruptedException {
    openssl(
        directory,
        "genpkey",
        "-algorithm",
        "RSA",
        "-pkeyopt",
        "rsa_keygen_bits:2048",
        "-out",
        name + ".key");
    openssl(
        directory,
        "req",
        "-new",
        "-key",
        name + ".key",
        "-sha256",
        "-subj",
        "/CN=" + name,
        "-out",
        name + ".csr");
    return Files.readString(directory.resolve(name + ".csr"), StandardCharsets.US_ASCII);
  }

  /**
   * The PKCS#12 a browser imports: the key {@code name.key} with the certificate PEM the console
   * showed (the operator's certificate, then the TLS CA).
   */
  public static Path pkcs12(Path directory, String name, String certificatePem, String password)
      throws IOException, InterruptedException {
    Files.writeString(directory.resolve(name + ".pem"), certificatePem, StandardCharsets.US_ASCII);
    openssl(
        directory,
        "pkcs12",
        "-export",
        "-inkey",
        name + ".key",
        "-in",
        name + ".pem",
        "-name",
        name,
        "-passout",
        "pass:" + password,
        "-out",
        name + ".p12");
    return directory.resolve(name + ".p12");
  }

  /** The certificates (DER) of a PEM file, in order. */
  static List<byte[]> certificates(Path pem) throws IOException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN CERTIFICATE-----";
    String end = "-----END CERTIFICATE-----";
    List<byte[]> certificates = new java.util.ArrayList<>();
    for (int at = text.indexOf(begin); at >= 0; at = text.indexOf(begin, at + 1)) {
      String body = text.substring(at + begin.length(), text.indexOf(end, at));
      certificates.add(Base64.getMimeDecoder().decode(body));
    }
    return certificates;
  }

  /** A scan the RA accepts (a PNG), under the given file name. */
  static Path scan(Path directory, String fileName) throws IOException {
    return Files.write(directory.resolve(fileName), PNG);
  }

  /** A resident ID number (GB 11643) with a valid check character, from its first 17 digits. */
  static String residentId(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * ID_CARD_WEIGHTS[i];
    }
    return first17 + ID_CARD_CHECK.charAt(sum % 11);
  }

  private static void openssl(Path directory, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(arguments));
    Commands.ok(directory, command.toArray(String[]::new));
  }
}
