package org.egovca.ca.x509;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Test fixtures: a private BouncyCastle provider instance (never registered), key pairs, PKCS#10
 * requests, PEM text and a way to run the OpenSSL command line as an independent oracle.
 */
final class TestCrypto {

  static final Provider BC = new BouncyCastleProvider();

  /** GM/T 0009 default SM2 user ID, as OpenSSL 3 needs it spelled out. */
  static final String DIST_ID = "distid:1234567812345678";

  private TestCrypto() {}

  static KeyPair sm2KeyPair() {
    return ecKeyPair("sm2p256v1");
  }

  static KeyPair ecKeyPair(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair rsaKeyPair(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BC);
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static SubjectPublicKeyInfo spki(PublicKey key) {
    return SubjectPublicKeyInfo.getInstance(key.getEncoded());
  }

  /** A PKCS#10 request for {@code subjectKey}, signed with {@code signingKey}. */
  static PKCS10CertificationRequest csr(
      String subject, PublicKey subjectKey, PrivateKey signingKey, String signatureAlgorithm) {
    try {
      return new PKCS10CertificationRequestBuilder(new X500Name(subject), spki(subjectKey))
          .build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BC).build(signingKey));
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  static PKCS10CertificationRequest csr(String subject, KeyPair keys, String signatureAlgorithm) {
    return csr(subject, keys.getPublic(), keys.getPrivate(), signatureAlgorithm);
  }

  static String pem(String type, byte[] der) {
    StringWriter text = new StringWriter();
    try (PemWriter writer = new PemWriter(text)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Exit code and combined stdout/stderr of one OpenSSL run. */
  record Result(int exitCode, String output) {}

  /** Runs {@code openssl args...} in {@code directory}. */
  static Result openssl(Path directory, String... args) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      try (InputStream in = process.getInputStream()) {
        in.transferTo(output);
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("openssl did not finish: " + command);
      }
      return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs OpenSSL and fails unless it exits with 0. */
  static String opensslOk(Path directory, String... args) {
    Result result = openssl(directory, args);
    if (result.exitCode() != 0) {
      throw new AssertionError(
          "openssl "
              + String.join(" ", args)
              + " failed ("
              + result.exitCode()
              + "):\n"
              + result.output());
    }
    return result.output();
  }
}
