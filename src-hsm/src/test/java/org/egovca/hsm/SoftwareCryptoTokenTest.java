package org.egovca.hsm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftwareCryptoTokenTest {
  private static final byte[] DATA = "to be signed".getBytes(UTF_8);

  @TempDir Path directory;

  private Path tokenDirectory() {
    return directory.resolve("token");
  }

  @Test
  void initializeCreatesAnActiveTokenWithoutKeys() {
    SoftwareCryptoToken token = TestSupport.newActiveToken(tokenDirectory());

    assertEquals("test-token", token.name());
    assertEquals(TokenStatus.ACTIVE, token.status());
    assertEquals(Set.of(), token.aliases());
    assertTrue(Files.isRegularFile(tokenDirectory().resolve("token.properties")));
  }

  @Test
  void keysSurviveReopeningAndActivatingWithTheSamePin() throws Exception {
    SoftwareCryptoToken token = TestSupport.newActiveToken(tokenDirectory());
    PublicKey sm2 = token.generateKeyPair("sm2", KeyAlgorithm.SM2_256);
    PublicKey rsa = token.generateKeyPair("rsa", KeyAlgorithm.RSA_1024);
    token.deactivate();

    SoftwareCryptoToken reopened = SoftwareCryptoToken.open("test-token", tokenDirectory());
    assertEquals(TokenStatus.OFFLINE, reopened.status());
    assertEquals(Set.of("rsa", "sm2"), reopened.aliases());
    assertArrayEquals(sm2.getEncoded(), reopened.publicKey("sm2").getEncoded());
    assertArrayEquals(rsa.getEncoded(), reopened.publicKey("rsa").getEncoded());
    assertEquals(KeyAlgorithm.SM2_256, reopened.keyAlgorithm("sm2"));
    assertEquals(KeyAlgorithm.RSA_1024, reopened.keyAlgorithm("rsa"));

    reopened.activate(TestSupport.PIN.toCharArray());
    assertEquals(TokenStatus.ACTIVE, reopened.status());
    assertTrue(
        verifies("SM3withSM2", sm2, reopened.sign("sm2", SignatureAlgorithm.SM3_WITH_SM2, DATA)));
    assertTrue(
        verifies(
            "SHA256withRSA", rsa, reopened.sign("rsa", SignatureAlgorithm.SHA256_WITH_RSA, DATA)));
  }

  @Test
  void wrongPinIsRefusedAndTheTokenStaysOffline() {
    TestSupport.newActiveToken(tokenDirectory()).generateKeyPair("sm2", KeyAlgorithm.SM2_256);
    SoftwareCryptoToken token = new SoftwareCryptoToken("test-token", tokenDirectory());

    TokenAuthenticationException e =
        assertThrows(
            TokenAuthenticationException.class, () -> token.activate("wrong".toCharArray()));
    assertEquals("wrong PIN for crypto token test-token", e.getMessage());
    assertThrows(TokenAuthenticationException.class, () -> token.activate(new char[0]));
    assertEquals(TokenStatus.OFFLINE, token.status());

    token.activate(TestSupport.PIN.toCharArray());
    assertEquals(TokenStatus.ACTIVE, token.status());
  }

  @Test
  void offlineTokenRefusesSigningAndKeyGenerationButShowsPublicKeys() {
    TestSupport.newActiveToken(tokenDirectory()).generateKeyPair("sm2", KeyAlgorithm.SM2_256);
    SoftwareCryptoToken token = SoftwareCryptoToken.open("test-token", tokenDirectory());

    TokenOfflineException signing =
        assertThrows(
            TokenOfflineException.class,
            () -> token.sign("sm2", SignatureAlgorithm.SM3_WITH_SM2, DATA));
    assertEquals("crypto token test-token is not active", signing.getMessage());
    TokenOfflineException generating =
        assertThrows(
            TokenOfflineException.class, () -> token.generateKeyPair("new", KeyAlgorithm.SM2_256));
    assertEquals("crypto token test-token is not active", generating.getMessage());
    assertFalse(token.containsKey("new"));
    assertFalse(Files.exists(tokenDirectory().resolve("new.key")));
    assertTrue(token.containsKey("sm2"));
    assertEquals(KeyAlgorithm.SM2_256, token.keyAlgorithm("sm2"));
  }

  @Test
  void deactivateMakesTheKeysUnusableUntilTheNextActivation() throws Exception {
    SoftwareCryptoToken token = TestSupport.newActiveToken(tokenDirectory());
    PublicKey publicKey = token.generateKeyPair("sm2", KeyAlgorithm.SM2_256);
    token.sign("sm2", SignatureAlgorithm.SM3_WITH_SM2, DATA);

    token.deactivate();
    assertEquals(TokenStatus.OFFLINE, token.status());
    assertThrows(
        TokenOfflineException.class,
        () -> token.sign("sm2", SignatureAlgorithm.SM3_WITH_SM2, DATA));

    token.activate(TestSupport.PIN.toCharArray());
    assertTrue(
        verifies(
            "SM3withSM2", publicKey, token.sign("sm2", SignatureAlgorithm.SM3_WITH_SM2, DATA)));
  }

  @Test
  void existingAliasIsNeverOverwritten() throws Exception {
    SoftwareCryptoToken token = TestSupport.newActiveToken(tokenDirectory());
    PublicKey original = token.generateKeyPair("ca", KeyAlgorithm.SM2_256);
    byte[] keyFile = Files.readAllBytes(tokenDirectory().resolve("ca.key"));

    KeyAliasExistsException e =
        assertThrows(
            KeyAliasExistsException.class,
            () -> token.generateKeyPair("ca", KeyAlgorithm.RSA_2048));
    assertEquals("key alias ca already exists in crypto token test-token", e.getMessage());
    assertArrayEquals(original.getEncoded(), token.publicKey("ca").getEncoded());
    assertArrayEquals(keyFile, Files.readAllBytes(tokenDirectory().resolve("ca.key")));
    assertEquals(KeyAlgorithm.SM2_256, token.keyAlgorithm("ca"));
  }

  @Test
  void unknownAliasIsRefusedByName() {
    SoftwareCryptoToken token = TestSupport.newActiveToken(tokenDirectory());

    assertFalse(token.containsKey("nope"));
    UnknownKeyException e = assertThrows(UnknownKeyException.class, () -> token.publicKey("nope"));
    assertEquals("no key with alias nope in crypto token test-token", e.getMessage());
    assertThrows(UnknownKeyException.class, () -> token.keyAlgorithm("nope"));
    assertThrows(
        UnknownKeyException.class, () -> token.sign("nope", SignatureAlgorithm.SM3_WITH_SM2, DATA));
  }

  @Test
  void signatureAlgorithmMustFitTheKey() {
    SoftwareCryptoToken token = TestSupport.newActiveToken(tokenDirectory());
    token.generateKeyPair("sm2", KeyAlgorithm.SM2_256);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> token.sign("sm2", SignatureAlgorithm.SHA256_WITH_RSA, DATA));
    assertTrue(
        e.getMessage().contains("SHA256withRSA cannot be used with key sm2"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a/b",
        "../escape",
        "with space",
        "CA\u00e9",
        "x:y",
        "01234567890123456789012345678901234567890123456789012345678901234"
      })
  void invalidAliasesAreRefusedBeforeTouchingTheDisk(String alias) throws Exception {
    SoftwareCryptoToken token = TestSupport.newActiveToken(tokenDirectory());

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> token.generateKeyPair(alias, KeyAlgorithm.SM2_256));
    assertTrue(e.getMessage().contains("invalid key alias \"" + alias + "\""), e.getMessage());
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(List.of(tokenDirectory()), files.toList());
    }
    try (Stream<Path> files = Files.list(tokenDirectory())) {
      assertEquals(List.of(tokenDirectory().resolve("token.properties")), files.toList());
    }
  }

  @Test
  void longestAndPunctuatedAliasesAreAccepted() {
    SoftwareCryptoToken token = TestSupport.newActiveToken(tokenDirectory());
    String longest = "a".repeat(64);

    token.generateKeyPair(longest, KeyAlgorithm.SM2_256);
    token.generateKeyPair("Root-CA_2025.v1", KeyAlgorithm.SM2_256);

    assertEquals(Set.of(longest, "Root-CA_2025.v1"), token.aliases());
  }

  @Test
  void keyFilesExistWhenGenerateReturnsAndNoTemporaryFilesRemain() throws Exception {
    SoftwareCryptoToken token = TestSupport.newActiveToken(tokenDirectory());
    token.generateKeyPair("ca", KeyAlgorithm.SM2_256);

    try (Stream<Path> files = Files.list(tokenDirectory())) {
      assertEquals(
          Set.of("token.properties", "ca.key", "ca.pub"),
          Set.copyOf(files.map(f -> f.getFileName().toString()).toList()));
    }
  }

  @Test
  void filesAreOwnerOnlyOnPosix() throws Exception {
    assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"));
    SoftwareCryptoToken token = TestSupport.newActiveToken(tokenDirectory());
    token.generateKeyPair("ca", KeyAlgorithm.SM2_256);

    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenDirectory())));
    for (String file : List.of("token.properties", "ca.key", "ca.pub")) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(tokenDirectory().resolve(file))),
          file);
    }
  }

  @Test
  void initializeRefusesADirectoryThatIsInUse() throws Exception {
    TestSupport.newActiveToken(tokenDirectory());
    CryptoTokenException existing =
        assertThrows(
            CryptoTokenException.class, () -> TestSupport.newActiveToken(tokenDirectory()));
    assertTrue(
        existing.getMessage().endsWith("already holds a crypto token"), existing.getMessage());

    Path other = Files.createDirectory(directory.resolve("other"));
    Files.writeString(other.resolve("notes.txt"), "not a token");
    CryptoTokenException notEmpty =
        assertThrows(CryptoTokenException.class, () -> TestSupport.newActiveToken(other));
    assertTrue(notEmpty.getMessage().endsWith("is not empty"), notEmpty.getMessage());

    assertThrows(
        IllegalArgumentException.class,
        () -> SoftwareCryptoToken.initialize("t", directory.resolve("empty-pin"), new char[0]));
  }

  @Test
  void openRefusesADirectoryWithoutToken() throws Exception {
    Path empty = Files.createDirectory(directory.resolve("empty"));

    CryptoTokenException e =
        assertThrows(CryptoTokenException.class, () -> SoftwareCryptoToken.open("t", empty));
    assertTrue(e.getMessage().contains("token.properties missing"), e.getMessage());
  }

  private static boolean verifies(String algorithm, PublicKey key, byte[] signature)
      throws Exception {
    Signature verifier = Signature.getInstance(algorithm, TestSupport.BC);
    verifier.initVerify(key);
    verifier.update(DATA);
    return verifier.verify(signature);
  }
}
