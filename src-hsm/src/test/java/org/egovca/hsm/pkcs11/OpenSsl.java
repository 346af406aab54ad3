package org.egovca.hsm.pkcs11;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** Runs the openssl command line in a work directory, as a relying party would verify. */
final class OpenSsl {
  private OpenSsl() {}

  /** Writes {@code der} to {@code file} in PEM with the given type ("CERTIFICATE", "X509 CRL"). */
  static void writePem(Path file, String type, byte[] der) throws IOException {
    StringWriter text = new StringWriter();
    try (PemWriter pem = new PemWriter(text)) {
      pem.writeObject(new PemObject(type, der));
    }
    Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
  }

  /** Runs {@code openssl arguments...}; its exit status and the merged output. */
  static Result run(Path directory, String... arguments) throws Exception {
    List<String> command = Stream.concat(Stream.of("openssl"), Stream.of(arguments)).toList();
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl timed out");
    return new Result(process.exitValue(), output);
  }

  record Result(int exitValue, String output) {}
}
