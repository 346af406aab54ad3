package org.egovca.ca.kmc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** Test fixtures: PEM files for OpenSSL and a way to run the OpenSSL command line as an oracle. */
final class KmcTestSupport {

  private KmcTestSupport() {}

  /** Writes the public key as {@code -----BEGIN PUBLIC KEY-----} (SubjectPublicKeyInfo). */
  static Path writePublicKey(Path file, PublicKey key) {
    try {
      return writePem(file, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the private key as PKCS#8 {@code -----BEGIN PRIVATE KEY-----}, unencrypted. */
  static Path writePrivateKey(Path file, PrivateKey key) {
    try {
      return writePem(file, new JcaPKCS8Generator(key, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path writePem(Path file, Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
  }

  /** Runs {@code openssl args...} in {@code directory}; fails the test unless it exits with 0. */
  static String openssl(Path directory, String... args) {
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
        throw new AssertionError("openssl did not finish: " + command);
      }
      String text = output.toString(StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AssertionError(
            String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
