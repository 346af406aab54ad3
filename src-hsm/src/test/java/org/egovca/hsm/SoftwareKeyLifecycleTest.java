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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** EC P-256 keys, destruction, and backup and restore between software tokens. */
class SoftwareKeyLifecycleTest {
  private static final byte[] DATA = "to be signed".getBytes(UTF_8);

  @TempDir Path directory;

  private SoftwareCryptoToken newToken(String name) {
    return SoftwareCryptoToken.initialize(
        name, directory.resolve(name), TestSupport.PIN.toCharArray());
  }

  @Test
  void ecP256KeysSignWithEcdsaAndSurviveReopening() throws Exception {
    SoftwareCryptoToken token = newToken("ec");
    PublicKey publicKey = token.generateKeyPair("ca-ec", KeyAlgorithm.EC_P256);
    assertTrue(signs(token, "ca-ec", publicKey));
    token.deactivate();

    SoftwareCryptoToken reopened = SoftwareCryptoToken.open("ec", directory.resolve("ec"));
    assertEquals(KeyAlgorithm.EC_P256, reopened.keyAlgorithm("ca-ec"));
    assertArrayEquals(publicKey.getEncoded(), reopened.publicKey("ca-ec").getEncoded());
    reopened.activate(TestSupport.PIN.toCharArray());
    assertTrue(signs(reopened, "ca-ec", publicKey));
    assertThrows(
        IllegalArgumentException.class,
        () -> reopened.sign("ca-ec", SignatureAlgorithm.SHA256_WITH_RSA, DATA));
  }

  @Test
  void destroyedKeyIsErasedFromDiskAndCannotSign() throws Exception {
    SoftwareCryptoToken token = newToken("t");
    token.generateKeyPair("old-ca", KeyAlgorithm.SM2_256);
    PublicKey survivor = token.generateKeyPair("new-ca", KeyAlgorithm.EC_P256);

    token.destroyKey("old-ca");

    assertFalse(token.containsKey("old-ca"));
    assertThrows(
        UnknownKeyException.class,
        () -> token.sign("old-ca", SignatureAlgorithm.SM3_WITH_SM2, DATA));
    assertThrows(
        UnknownKeyException.class,
        () -> token.contentSigner("old-ca", SignatureAlgorithm.SM3_WITH_SM2));
    try (Stream<Path> files = Files.list(directory.resolve("t"))) {
      assertEquals(
          Set.of("token.properties", "new-ca.key", "new-ca.pub"),
          Set.copyOf(files.map(f -> f.getFileName().toString()).toList()));
    }
    assertTrue(signs(token, "new-ca", survivor));
    SoftwareCryptoToken reopened = SoftwareCryptoToken.open("t", directory.resolve("t"));
    reopened.activate(TestSupport.PIN.toCharArray());
    assertEquals(Set.of("new-ca"), reopened.aliases());
    reopened.generateKeyPair("old-ca", KeyAlgorithm.SM2_256);
  }

  @Test
  void destructionNeedsAnActiveTokenAndAKnownAlias() {
    newToken("t").generateKeyPair("ca", KeyAlgorithm.SM2_256);
    SoftwareCryptoToken token = SoftwareCryptoToken.open("t", directory.resolve("t"));

    assertThrows(TokenOfflineException.class, () -> token.destroyKey("ca"));
    assertTrue(Files.exists(directory.resolve("t").resolve("ca.key")));
    token.activate(TestSupport.PIN.toCharArray());
    assertThrows(UnknownKeyException.class, () -> token.destroyKey("nope"));
    assertTrue(token.containsKey("ca"));
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"SM2_256", "RSA_2048", "EC_P256"})
  void backedUpKeyIsRestoredIntoAThirdTokenAndSigns(KeyAlgorithm algorithm) throws Exception {
    SoftwareCryptoToken issuing = newToken("issuing");
    SoftwareCryptoToken backup = newToken("backup");
    SoftwareCryptoToken restored = newToken("restored");
    PublicKey publicKey = issuing.generateKeyPair("ca", algorithm);

    issuing.backupKey("ca", backup);
    issuing.destroyKey("ca");
    restored.restoreKey("ca", backup);

    assertFalse(issuing.containsKey("ca"));
    assertArrayEquals(publicKey.getEncoded(), restored.publicKey("ca").getEncoded());
    assertTrue(signs(restored, "ca", publicKey));
    restored.deactivate();
    SoftwareCryptoToken reopened =
        SoftwareCryptoToken.open("restored", directory.resolve("restored"));
    reopened.activate(TestSupport.PIN.toCharArray());
    assertTrue(signs(reopened, "ca", publicKey));
  }

  @Test
  void alteredWrappedKeyIsRefusedAndNothingIsStored() {
    SoftwareCryptoToken issuing = newToken("issuing");
    SoftwareCryptoToken backup = newToken("backup");
    issuing.generateKeyPair("ca", KeyAlgorithm.EC_P256);
    WrappedKey wrapped = issuing.exportKey("ca", backup.createTransportKey());
    byte[] altered = wrapped.wrappedPrivateKey();
    altered[3] ^= 1;

    CryptoTokenException e =
        assertThrows(
            CryptoTokenException.class,
            () ->
                backup.importKey(
                    new WrappedKey(
                        "ca",
                        KeyAlgorithm.EC_P256,
                        wrapped.publicKeyInfo(),
                        wrapped.transportKeyId(),
                        wrapped.encryptedKeyEncryptionKey(),
                        altered)));
    assertEquals(
        "wrapped key ca does not decrypt in crypto token backup: altered, or made for another"
            + " transport key",
        e.getMessage());
    assertFalse(backup.containsKey("ca"));
    assertFalse(Files.exists(directory.resolve("backup").resolve("ca.key")));
  }

  @Test
  void keyWrappedForAnotherTokenOrAnOldActivationIsRefused() {
    SoftwareCryptoToken issuing = newToken("issuing");
    SoftwareCryptoToken backup = newToken("backup");
    SoftwareCryptoToken other = newToken("other");
    issuing.generateKeyPair("ca", KeyAlgorithm.SM2_256);
    WrappedKey forBackup = issuing.exportKey("ca", backup.createTransportKey());

    CryptoTokenException wrongToken =
        assertThrows(CryptoTokenException.class, () -> other.importKey(forBackup));
    assertEquals(
        "no transport key of crypto token other fits wrapped key ca", wrongToken.getMessage());
    backup.deactivate();
    backup.activate(TestSupport.PIN.toCharArray());
    assertThrows(CryptoTokenException.class, () -> backup.importKey(forBackup));
    assertThrows(
        TokenOfflineException.class,
        () -> {
          other.deactivate();
          other.createTransportKey();
        });
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
