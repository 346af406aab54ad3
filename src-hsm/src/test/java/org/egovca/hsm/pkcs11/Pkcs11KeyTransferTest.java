package org.egovca.hsm.pkcs11;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.CryptoTokenException;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.KeyAliasExistsException;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.egovca.hsm.TokenOfflineException;
import org.egovca.hsm.WrappedKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving keys between PKCS#11 tokens (and to and from the software token, which uses the same
 * wrapped-key format): what the receiving token refuses, and that nothing is left behind then.
 */
class Pkcs11KeyTransferTest {
  private static final byte[] DATA = "to be signed".getBytes(UTF_8);

  @TempDir Path directory;

  private final List<CryptoToken> opened = new ArrayList<>();
  private Pkcs11CryptoToken source;
  private Pkcs11CryptoToken target;

  @BeforeEach
  void activateTokens() {
    source = SoftHsm.activeToken("lifecycle");
    target = SoftHsm.activeToken("concurrency");
    opened.addAll(List.of(source, target));
  }

  @AfterEach
  void cleanUp() {
    for (CryptoToken token : List.of(source, target)) {
      for (String alias : token.aliases()) {
        if (alias.startsWith("moved-")) {
          token.destroyKey(alias);
        }
      }
    }
    opened.forEach(CryptoToken::deactivate);
  }

  @Test
  void alteredWrappedKeyIsRefusedAndTheTransportKeyIsUsedUp() {
    source.generateKeyPair("moved-ec", KeyAlgorithm.EC_P256);
    WrappedKey wrapped = source.exportKey("moved-ec", target.createTransportKey());
    byte[] altered = wrapped.wrappedPrivateKey();
    altered[altered.length / 2] ^= 1;

    CryptoTokenException refused =
        assertThrows(
            CryptoTokenException.class,
            () -> target.importKey(copy(wrapped, wrapped.publicKeyInfo(), altered)));
    assertTrue(refused.getMessage().contains("cannot import key moved-ec"), refused.getMessage());
    assertFalse(target.containsKey("moved-ec"));
    CryptoTokenException reused =
        assertThrows(CryptoTokenException.class, () -> target.importKey(wrapped));
    assertEquals(
        "no transport key of crypto token softhsm-concurrency fits wrapped key moved-ec",
        reused.getMessage());
  }

  @Test
  void privateKeyThatDoesNotMatchItsPublicKeyIsRefusedAndRemoved() {
    source.generateKeyPair("moved-ec", KeyAlgorithm.EC_P256);
    PublicKey other = source.generateKeyPair("moved-other", KeyAlgorithm.EC_P256);
    WrappedKey wrapped = source.exportKey("moved-ec", target.createTransportKey());

    CryptoTokenException e =
        assertThrows(
            CryptoTokenException.class,
            () -> target.importKey(copy(wrapped, other.getEncoded(), wrapped.wrappedPrivateKey())));
    assertEquals(
        "wrapped key moved-ec does not match its public key; nothing was imported", e.getMessage());
    assertFalse(target.containsKey("moved-ec"));
    assertFalse(Pkcs11CryptoToken.open(SoftHsm.token("concurrency")).containsKey("moved-ec"));
  }

  @Test
  void importNeverReplacesAKeyAndExportWantsAnRsaTransportKey() {
    source.generateKeyPair("moved-rsa", KeyAlgorithm.RSA_2048);
    PublicKey existing = target.generateKeyPair("moved-rsa", KeyAlgorithm.RSA_2048);

    assertThrows(KeyAliasExistsException.class, () -> source.backupKey("moved-rsa", target));
    assertArrayEquals(existing.getEncoded(), target.publicKey("moved-rsa").getEncoded());
    PublicKey ec = target.generateKeyPair("moved-ec", KeyAlgorithm.EC_P256);
    IllegalArgumentException weak =
        assertThrows(IllegalArgumentException.class, () -> source.exportKey("moved-rsa", ec));
    assertEquals("a transport key must be an RSA key of at least 2048 bits", weak.getMessage());
  }

  @Test
  void transportKeysDieWithTheLogin() {
    source.generateKeyPair("moved-ec", KeyAlgorithm.EC_P256);
    WrappedKey wrapped = source.exportKey("moved-ec", target.createTransportKey());
    target.deactivate();

    assertThrows(TokenOfflineException.class, () -> target.importKey(wrapped));
    target.activate(SoftHsm.PIN.toCharArray());
    assertThrows(CryptoTokenException.class, () -> target.importKey(wrapped));
    assertFalse(target.containsKey("moved-ec"));
  }

  @Test
  void softwareKeysMoveIntoTheModuleAndBackInTheSameFormat() throws Exception {
    SoftwareCryptoToken software =
        SoftwareCryptoToken.initialize("software", directory.resolve("a"), "pin".toCharArray());
    SoftwareCryptoToken other =
        SoftwareCryptoToken.initialize("other", directory.resolve("b"), "pin".toCharArray());
    opened.addAll(List.of(software, other));
    PublicKey rsa = software.generateKeyPair("moved-rsa", KeyAlgorithm.RSA_2048);
    PublicKey ec = software.generateKeyPair("moved-ec", KeyAlgorithm.EC_P256);

    software.backupKey("moved-rsa", target);
    software.backupKey("moved-ec", target);
    other.restoreKey("moved-rsa", target);
    other.restoreKey("moved-ec", target);

    for (CryptoToken token : List.of(target, other)) {
      assertTrue(signs(token, "moved-rsa", SignatureAlgorithm.SHA256_WITH_RSA, rsa));
      assertTrue(signs(token, "moved-ec", SignatureAlgorithm.SHA256_WITH_ECDSA, ec));
    }
  }

  private static boolean signs(
      CryptoToken token, String alias, SignatureAlgorithm algorithm, PublicKey publicKey)
      throws Exception {
    return Pkcs11CryptoTokenTest.verifies(algorithm, publicKey, token.sign(alias, algorithm, DATA));
  }

  private static WrappedKey copy(WrappedKey key, byte[] publicKeyInfo, byte[] wrappedPrivateKey) {
    return new WrappedKey(
        key.alias(),
        key.algorithm(),
        publicKeyInfo,
        key.transportKeyId(),
        key.encryptedKeyEncryptionKey(),
        wrappedPrivateKey);
  }
}
