package org.egovca.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Key pairs and PKCS#10 requests made by OpenSSL 3, an implementation independent of ours. */
final class TestRequests {

  private TestRequests() {}

  /** An SM2 request signed with the GM/T 0009 default user ID, as GM/T 0015 expects. */
  static String sm2(Path directory, String name) throws Exception {
    Commands.ok(
        directory,
        "openssl",
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:SM2",
        "-out",
        name + ".key");
    Commands.ok(
        directory,
        "openssl",
        "req",
        "-new",
        "-key",
        name + ".key",
        "-sm3",
        "-sigopt",
        "distid:1234567812345678",
        "-subj",
        "/CN=" + name,
        "-out",
        name + ".csr");
    return Files.readString(directory.resolve(name + ".csr"));
  }

  /** An SM2 request signed with OpenSSL's default empty user ID: its PoP does not verify. */
  static String sm2WithEmptyUserId(Path directory, String name) throws Exception {
    Commands.ok(
        directory,
        "openssl",
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:SM2",
        "-out",
        name + ".key");
    Commands.ok(
        directory,
        "openssl",
        "req",
        "-new",
        "-key",
        name + ".key",
        "-sm3",
        "-subj",
        "/CN=" + name,
        "-out",
        name + ".csr");
    return Files.readString(directory.resolve(name + ".csr"));
  }

  static String rsa(Path directory, String name, int bits) throws Exception {
    Commands.ok(
        directory,
        "openssl",
        "genpkey",
        "-algorithm",
        "RSA",
        "-pkeyopt",
        "rsa_keygen_bits:" + bits,
        "-out",
        name + ".key");
    return request(directory, name);
  }

  static String ecP256(Path directory, String name) throws Exception {
    Commands.ok(
        directory,
        "openssl",
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-out",
        name + ".key");
    return request(directory, name);
  }

  private static String request(Path directory, String name) throws Exception {
    Commands.ok(
        directory,
        "openssl",
        "req",
        "-new",
        "-key",
        name + ".key",
        "-sha256",
        "-subj",
        "/CN=" + name,
        "-out",
        name + ".csr");
    return Files.readString(directory.resolve(name + ".csr"));
  }
}
