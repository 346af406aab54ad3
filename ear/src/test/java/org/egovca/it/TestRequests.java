package org.egovca.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Key pairs and PKCS#10 requests made by OpenSSL 3, an implementation independent of ours. */
final class TestRequests {

  private static final String SM2_USER_ID = "distid:1234567812345678";

  private TestRequests() {}

  /** An SM2 request signed with the GM/T 0009 default user ID, as GM/T 0015 expects. */
  static String sm2(Path directory, String name) throws Exception {
    generateKey(directory, name, "EC", "ec_paramgen_curve:SM2");
    return sm2ForExistingKey(directory, name, name);
  }

  /**
   * A new SM2 request for the key {@code keyName} made earlier (renewal keeps the key), written to
   * {@code requestName}.csr.
   */
  static String sm2ForExistingKey(Path directory, String keyName, String requestName)
      throws Exception {
    return request(directory, keyName, requestName, "-sm3", "-sigopt", SM2_USER_ID);
  }

  /** An SM2 request that asks for subjectAltNames, for example {@code DNS:www.example.cn}. */
  static String sm2WithSubjectAltName(Path directory, String name, String altNames)
      throws Exception {
    generateKey(directory, name, "EC", "ec_paramgen_curve:SM2");
    return request(
        directory,
        name,
        name,
        "-sm3",
        "-sigopt",
        SM2_USER_ID,
        "-addext",
        "subjectAltName=" + altNames);
  }

  /** An SM2 request signed with OpenSSL's default empty user ID: its PoP does not verify. */
  static String sm2WithEmptyUserId(Path directory, String name) throws Exception {
    generateKey(directory, name, "EC", "ec_paramgen_curve:SM2");
    return request(directory, name, name, "-sm3");
  }

  static String rsa(Path directory, String name, int bits) throws Exception {
    generateKey(directory, name, "RSA", "rsa_keygen_bits:" + bits);
    return request(directory, name, name, "-sha256");
  }

  static String ecP256(Path directory, String name) throws Exception {
    generateKey(directory, name, "EC", "ec_paramgen_curve:P-256");
    return request(directory, name, name, "-sha256");
  }

  private static void generateKey(Path directory, String name, String algorithm, String option)
      throws Exception {
    Commands.ok(
        directory,
        "openssl",
        "genpkey",
        "-algorithm",
        algorithm,
        "-pkeyopt",
        option,
        "-out",
        name + ".key");
  }

  private static String request(
      Path directory, String keyName, String requestName, String... signing) throws Exception {
    String[] command = {
      "openssl",
      "req",
      "-new",
      "-key",
      keyName + ".key",
      "-subj",
      "/CN=" + requestName,
      "-out",
      requestName + ".csr"
    };
    String[] full = new String[command.length + signing.length];
    System.arraycopy(command, 0, full, 0, 5);
    System.arraycopy(signing, 0, full, 5, signing.length);
    System.arraycopy(command, 5, full, 5 + signing.length, command.length - 5);
    Commands.ok(directory, full);
    return Files.readString(directory.resolve(requestName + ".csr"));
  }
}
