package org.egovca.kmc.protocol.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The OpenSSL command line as an independent oracle: {@code openssl args...} in a directory. */
public final class OpenSslCommand {

  /**
   * The GM/T 0009 default SM2 user ID as an OpenSSL 3 option value ({@code -vfyopt}, {@code
   * -sigopt}, {@code -pkeyopt}): OpenSSL 3.0 otherwise uses an empty ID.
   */
  public static final String SM2_DIST_ID = "distid:1234567812345678";

  private static final long TIMEOUT_SECONDS = 60;

  private OpenSslCommand() {}

  /** Exit code and combined stdout and stderr of one run. */
  public record Result(int exitCode, String output) {}

  /**
   * Runs {@code openssl args...} in {@code directory} and returns its output; fails the test with
   * that output unless OpenSSL exits with 0.
   */
  public static String run(Path directory, String... args) {
    Result result = runAllowingFailure(directory, args);
    if (result.exitCode() != 0) {
      fail(
          "openssl "
              + String.join(" ", args)
              + " failed ("
              + result.exitCode()
              + "):\n"
              + result.output());
    }
    return result.output();
  }

  /** Runs {@code openssl args...} in {@code directory}, whatever its exit code. */
  public static Result runAllowingFailure(Path directory, String... args) {
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
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("openssl did not finish within " + TIMEOUT_SECONDS + " s: " + command);
      }
      return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Arguments for {@code openssl pkeyutl} that verify the SM3withSM2 signature in {@code
   * signatureFile} over the raw bytes of {@code dataFile}, with the public key in {@code
   * publicKeyFile} (PEM) and the GM/T 0009 default user ID.
   */
  public static String[] sm2VerifyArgs(
      String publicKeyFile, String dataFile, String signatureFile) {
    return new String[] {
      "pkeyutl",
      "-verify",
      "-pubin",
      "-inkey",
      publicKeyFile,
      "-rawin",
      "-digest",
      "sm3",
      "-pkeyopt",
      SM2_DIST_ID,
      "-in",
      dataFile,
      "-sigfile",
      signatureFile
    };
  }
}
