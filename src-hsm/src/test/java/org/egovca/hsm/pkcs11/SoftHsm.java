package org.egovca.hsm.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The SoftHSM2 tokens of the tests. SoftHSM2 reads its configuration (the variable SOFTHSM2_CONF,
 * which src-hsm/pom.xml sets for the test JVM) and its tokens when the library is initialised, once
 * per process, and the JDK's PKCS#11 wrapper cannot create tokens. So the first test that asks for
 * a token writes the configuration and creates every token the tests use with {@code
 * softhsm2-util}, before the first PKCS#11 call of the JVM; the tests share them and use aliases of
 * their own.
 *
 * <p>Without SoftHSM2 the tests fail: CI installs it ({@code .ci/run}).
 */
final class SoftHsm {
  static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  static final String PIN = "custodians-3-of-5";
  private static final String SO_PIN = "security-officer";
  private static final List<String> LABELS =
      List.of("issuing-ca", "backup", "restore", "lifecycle", "concurrency");
  private static boolean created;

  private SoftHsm() {}

  /** The configuration of the test token labelled {@code label}. */
  static synchronized Pkcs11TokenConfig token(String label) {
    if (!LABELS.contains(label)) {
      throw new IllegalArgumentException("add " + label + " to SoftHsm.LABELS");
    }
    if (!created) {
      createTokens();
      created = true;
    }
    return new Pkcs11TokenConfig("softhsm-" + label, LIBRARY, label, 4);
  }

  /** Opens and activates the test token labelled {@code label}. */
  static Pkcs11CryptoToken activeToken(String label) {
    Pkcs11CryptoToken token = Pkcs11CryptoToken.open(token(label));
    token.activate(PIN.toCharArray());
    return token;
  }

  private static void createTokens() {
    assertTrue(
        Files.isRegularFile(LIBRARY),
        "SoftHSM2 is not installed (" + LIBRARY + "): apt-get install softhsm2, as .ci/run does");
    String configuration = System.getenv("SOFTHSM2_CONF");
    assertNotNull(
        configuration, "SOFTHSM2_CONF is not set: run the tests with Maven (src-hsm/pom.xml)");
    Path file = Path.of(configuration);
    Path tokens = file.resolveSibling("tokens");
    try {
      deleteRecursively(tokens);
      Files.createDirectories(tokens);
      Files.writeString(
          file,
          "directories.tokendir = "
              + tokens.toAbsolutePath()
              + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n",
          StandardCharsets.US_ASCII);
      for (String label : LABELS) {
        softhsm2Util("--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", PIN);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the SoftHSM2 test tokens", e);
    }
  }

  private static void softhsm2Util(String... arguments) throws IOException {
    List<String> command = Stream.concat(Stream.of("softhsm2-util"), Stream.of(arguments)).toList();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "softhsm2-util timed out");
      assertEquals(0, process.exitValue(), "softhsm2-util " + arguments[0] + ": " + output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
