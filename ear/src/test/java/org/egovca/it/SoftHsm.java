package org.egovca.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A SoftHSM2 token (Debian's {@code softhsm2}, which {@code .ci/run} installs) made fresh for a CA
 * instance, as an HSM officer would prepare one: a configuration of its own, the token initialised
 * with its SO PIN and user PIN, and the user PIN in an owner-only file for the first start.
 */
final class SoftHsm {

  static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
  static final String LABEL = "egovca";

  private SoftHsm() {}

  /**
   * Makes the token under {@code directory} (wiped first).
   *
   * @return the start script's settings for it, and the module's {@code SOFTHSM2_CONF}
   */
  static Map<String, String> token(Path directory) throws IOException, InterruptedException {
    if (!Files.exists(Path.of(LIBRARY))) {
      throw new IllegalStateException(LIBRARY + " is missing: install softhsm2 (.ci/run does)");
    }
    if (Files.exists(directory)) {
      try (Stream<Path> walk = Files.walk(directory)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(directory.resolve("tokens"));
    Path conf = directory.resolve("softhsm2.conf");
    Files.writeString(
        conf,
        "directories.tokendir = "
            + directory.resolve("tokens").toAbsolutePath()
            + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    String pin = "hsm-user-" + Long.toHexString(System.nanoTime());
    ProcessBuilder withConf = new ProcessBuilder();
    withConf.environment().put("SOFTHSM2_CONF", conf.toAbsolutePath().toString());
    Process made =
        withConf
            .command(
                "softhsm2-util",
                "--init-token",
                "--free",
                "--label",
                LABEL,
                "--so-pin",
                "so-" + pin,
                "--pin",
                pin)
            .redirectErrorStream(true)
            .start();
    String output = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!made.waitFor(60, TimeUnit.SECONDS) || made.exitValue() != 0) {
      throw new IllegalStateException("softhsm2-util --init-token failed: " + output);
    }
    Path pinFile = directory.resolve("user.pin");
    Files.createFile(
        pinFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(pinFile, pin);
    return Map.of(
        "SOFTHSM2_CONF",
        conf.toAbsolutePath().toString(),
        "EGOVCA_PKCS11_LIBRARY",
        LIBRARY,
        "EGOVCA_PKCS11_TOKEN_LABEL",
        LABEL,
        "EGOVCA_PKCS11_PIN_FILE",
        pinFile.toAbsolutePath().toString());
  }
}
