package org.egovca.hsm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A software token's PIN change: afterwards only the new PIN opens it, every key still signs, and a
 * crash at any point of the directory swap leaves one complete token, with the old PIN or the new
 * one.
 */
class PinChangeTest {
  private static final byte[] DATA = "to be signed".getBytes(UTF_8);
  private static final char[] OLD_PIN = TestSupport.PIN.toCharArray();
  private static final char[] NEW_PIN = "a new PIN for the custodians".toCharArray();

  @TempDir Path parent;

  @Test
  void onlyTheNewPinOpensTheTokenAndEveryKeyStillSigns() throws Exception {
    Path directory = parent.resolve("token");
    SoftwareCryptoToken token = TestSupport.newActiveToken(directory);
    PublicKey sm2 = token.generateKeyPair("ca-sm2", KeyAlgorithm.SM2_256);
    PublicKey rsa = token.generateKeyPair("ca-rsa", KeyAlgorithm.RSA_2048);

    token.changePin(NEW_PIN.clone());

    assertTrue(signs(token, "ca-sm2", sm2), "the active token keeps signing");
    PublicKey later = token.generateKeyPair("after-change", KeyAlgorithm.EC_P256);
    token.deactivate();

    SoftwareCryptoToken reopened = SoftwareCryptoToken.open("test-token", directory);
    assertThrows(TokenAuthenticationException.class, () -> reopened.activate(OLD_PIN.clone()));
    reopened.activate(NEW_PIN.clone());
    assertTrue(signs(reopened, "ca-sm2", sm2));
    assertTrue(signs(reopened, "ca-rsa", rsa));
    assertTrue(signs(reopened, "after-change", later), "a key made after the change is under it");
    assertEquals(Set.of("token"), siblings(), "the old directory is erased, no copy is left");
  }

  @Test
  void anOfflineTokenCannotChangeItsPin() {
    Path directory = parent.resolve("token");
    TestSupport.newActiveToken(directory).deactivate();
    SoftwareCryptoToken token = SoftwareCryptoToken.open("test-token", directory);

    assertThrows(TokenOfflineException.class, () -> token.changePin(NEW_PIN.clone()));
    token.activate(OLD_PIN.clone());
  }

  @Test
  void anUnfinishedNewDirectoryIsErasedAndTheOldPinStillWorks() throws Exception {
    Path directory = parent.resolve("token");
    PublicKey key = tokenWithKey(directory, OLD_PIN);
    // a crash while the new token was being written: token.next beside token
    tokenWithKey(parent.resolve("token.next"), NEW_PIN);

    SoftwareCryptoToken token = SoftwareCryptoToken.open("test-token", directory);

    assertEquals(Set.of("token"), siblings());
    token.activate(OLD_PIN.clone());
    assertTrue(signs(token, "ca", key));
  }

  @Test
  void aCrashBetweenTheRenamesFinishesTheChange() throws Exception {
    Path directory = parent.resolve("token");
    tokenWithKey(directory, OLD_PIN);
    PublicKey changed = tokenWithKey(parent.resolve("token.next"), NEW_PIN);
    // the first rename happened (token -> token.old), the second (token.next -> token) did not
    Files.move(directory, parent.resolve("token.old"));

    SoftwareCryptoToken token = SoftwareCryptoToken.open("test-token", directory);

    assertEquals(Set.of("token"), siblings());
    assertThrows(TokenAuthenticationException.class, () -> token.activate(OLD_PIN.clone()));
    token.activate(NEW_PIN.clone());
    assertArrayEquals(changed.getEncoded(), token.publicKey("ca").getEncoded());
  }

  @Test
  void anOldDirectoryLeftAfterTheSwapIsErased() throws Exception {
    Path directory = parent.resolve("token");
    tokenWithKey(parent.resolve("token.old"), OLD_PIN);
    PublicKey current = tokenWithKey(directory, NEW_PIN);

    SoftwareCryptoToken token = SoftwareCryptoToken.open("test-token", directory);

    assertEquals(Set.of("token"), siblings());
    token.activate(NEW_PIN.clone());
    assertTrue(signs(token, "ca", current));
  }

  @Test
  void theOldDirectoryAloneIsTheTokenAgain() throws Exception {
    Path directory = parent.resolve("token");
    PublicKey key = tokenWithKey(parent.resolve("token.old"), OLD_PIN);

    SoftwareCryptoToken token = SoftwareCryptoToken.open("test-token", directory);

    token.activate(OLD_PIN.clone());
    assertTrue(signs(token, "ca", key));
    assertFalse(Files.exists(parent.resolve("token.old")));
  }

  @Test
  void aSiblingThatIsALinkIsNeverFollowed() throws Exception {
    Path other = parent.resolve("other-token");
    PublicKey otherKey = tokenWithKey(other, OLD_PIN);
    tokenWithKey(parent.resolve("token"), OLD_PIN);
    Files.createSymbolicLink(parent.resolve("token.old"), other);

    assertThrows(
        CryptoTokenException.class,
        () -> SoftwareCryptoToken.open("test-token", parent.resolve("token")));

    SoftwareCryptoToken untouched = SoftwareCryptoToken.open("other", other);
    untouched.activate(OLD_PIN.clone());
    assertTrue(signs(untouched, "ca", otherKey), "the linked token's keys are intact");
  }

  private static PublicKey tokenWithKey(Path directory, char[] pin) {
    SoftwareCryptoToken token = SoftwareCryptoToken.initialize("test-token", directory, pin);
    PublicKey key = token.generateKeyPair("ca", KeyAlgorithm.SM2_256);
    token.deactivate();
    return key;
  }

  private Set<String> siblings() throws Exception {
    try (Stream<Path> entries = Files.list(parent)) {
      return entries.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  private static boolean signs(CryptoToken token, String alias, PublicKey publicKey)
      throws Exception {
    SignatureAlgorithm algorithm = SignatureAlgorithm.forKey(token.keyAlgorithm(alias));
    byte[] signature = token.sign(alias, algorithm, DATA);
    Signature verifier = Signature.getInstance(algorithm.jcaName(), TestSupport.BC);
    verifier.initVerify(publicKey);
    verifier.update(DATA);
    return verifier.verify(signature);
  }
}
