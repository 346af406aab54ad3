package org.egovca.hsm.pkcs11;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.egovca.hsm.CryptoTokenException;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.KeyAliasExistsException;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.TokenAuthenticationException;
import org.egovca.hsm.TokenDescription;
import org.egovca.hsm.TokenKind;
import org.egovca.hsm.TokenOfflineException;
import org.egovca.hsm.TokenStatus;
import org.egovca.hsm.UnknownKeyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The PKCS#11 token against SoftHSM2: activation, signing, key generation and destruction. */
class Pkcs11CryptoTokenTest {
  private static final byte[] DATA = "to be signed".getBytes(UTF_8);
  private static final Provider BC = new BouncyCastleProvider();

  private final List<Pkcs11CryptoToken> opened = new ArrayList<>();

  @AfterEach
  void deactivate() {
    opened.forEach(Pkcs11CryptoToken::deactivate);
  }

  private Pkcs11CryptoToken open(String label) {
    Pkcs11CryptoToken token = Pkcs11CryptoToken.open(SoftHsm.token(label));
    opened.add(token);
    return token;
  }

  private Pkcs11CryptoToken active(String label) {
    Pkcs11CryptoToken token = open(label);
    token.activate(SoftHsm.PIN.toCharArray());
    return token;
  }

  @Test
  void tokenStartsOfflineAndTheRightPinActivatesIt() {
    Pkcs11CryptoToken token = open("lifecycle");

    assertEquals(
        new TokenDescription("softhsm-lifecycle", TokenKind.PKCS11, TokenStatus.OFFLINE),
        token.describe());
    assertTrue(token.describe().awaitsActivation());
    token.activate(SoftHsm.PIN.toCharArray());
    assertEquals(TokenStatus.ACTIVE, token.status());
    token.deactivate();
    assertEquals(TokenStatus.OFFLINE, token.status());
  }

  @Test
  void wrongPinIsRefusedWithoutNamingItAndTheTokenStaysOffline() {
    Pkcs11CryptoToken token = open("lifecycle");

    TokenAuthenticationException e =
        assertThrows(
            TokenAuthenticationException.class,
            () -> token.activate("custodians-2-of-5".toCharArray()));
    assertEquals("wrong PIN for crypto token softhsm-lifecycle", e.getMessage());
    assertEquals(TokenStatus.OFFLINE, token.status());

    token.activate(SoftHsm.PIN.toCharArray());
    assertEquals(TokenStatus.ACTIVE, token.status());
    assertThrows(TokenAuthenticationException.class, () -> token.activate("x".toCharArray()));
    assertEquals(TokenStatus.OFFLINE, token.status(), "a PKCS#11 login is checked after a logout");
  }

  @Test
  void offlineTokenShowsPublicKeysButRefusesEverythingThatNeedsTheLogin() throws Exception {
    PublicKey publicKey = active("lifecycle").generateKeyPair("offline-ec", KeyAlgorithm.EC_P256);
    Pkcs11CryptoToken token = open("lifecycle");

    assertEquals(TokenStatus.OFFLINE, token.status());
    assertTrue(token.aliases().contains("offline-ec"));
    assertEquals(KeyAlgorithm.EC_P256, token.keyAlgorithm("offline-ec"));
    assertArrayEquals(publicKey.getEncoded(), token.publicKey("offline-ec").getEncoded());
    SignatureAlgorithm ecdsa = SignatureAlgorithm.SHA256_WITH_ECDSA;
    assertEquals(
        "crypto token softhsm-lifecycle is not active",
        assertThrows(TokenOfflineException.class, () -> token.sign("offline-ec", ecdsa, DATA))
            .getMessage());
    assertThrows(TokenOfflineException.class, () -> token.contentSigner("offline-ec", ecdsa));
    assertThrows(
        TokenOfflineException.class, () -> token.generateKeyPair("x", KeyAlgorithm.EC_P256));
    assertThrows(TokenOfflineException.class, () -> token.destroyKey("offline-ec"));
    assertThrows(TokenOfflineException.class, token::createTransportKey);

    token.activate(SoftHsm.PIN.toCharArray());
    token.destroyKey("offline-ec");
  }

  @Test
  void tokenWhoseLoginTheModuleLostTurnsOfflineUntilActivatedAgain() {
    Pkcs11CryptoToken token = active("lifecycle");
    token.generateKeyPair("lost-login", KeyAlgorithm.EC_P256);
    // A second object for the same token: its logout ends the login the module keeps per process.
    active("lifecycle").deactivate();

    assertEquals(TokenStatus.ACTIVE, token.status(), "nothing told the token yet");
    assertThrows(
        TokenOfflineException.class,
        () -> token.sign("lost-login", SignatureAlgorithm.SHA256_WITH_ECDSA, DATA));
    assertEquals(TokenStatus.OFFLINE, token.status());
    assertThrows(TokenOfflineException.class, () -> token.destroyKey("lost-login"));

    token.activate(SoftHsm.PIN.toCharArray());
    token.sign("lost-login", SignatureAlgorithm.SHA256_WITH_ECDSA, DATA);
    token.destroyKey("lost-login");
  }

  @ParameterizedTest
  @EnumSource(
      value = KeyAlgorithm.class,
      names = {"RSA_2048", "EC_P256"})
  void generatedKeysSignAndSurviveReopening(KeyAlgorithm algorithm) throws Exception {
    String alias = "signing-" + algorithm.name();
    SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.forKey(algorithm);
    Pkcs11CryptoToken token = active("lifecycle");
    PublicKey publicKey = token.generateKeyPair(alias, algorithm);

    assertEquals(algorithm, token.keyAlgorithm(alias));
    assertTrue(
        verifies(signatureAlgorithm, publicKey, token.sign(alias, signatureAlgorithm, DATA)));
    token.deactivate();

    Pkcs11CryptoToken reopened = active("lifecycle");
    assertArrayEquals(publicKey.getEncoded(), reopened.publicKey(alias).getEncoded());
    assertTrue(
        verifies(signatureAlgorithm, publicKey, reopened.sign(alias, signatureAlgorithm, DATA)));
    assertThrows(
        IllegalArgumentException.class,
        () -> reopened.sign(alias, SignatureAlgorithm.SM3_WITH_SM2, DATA));
    reopened.destroyKey(alias);
  }

  @Test
  void sm2IsRefusedWithTheReason() {
    Pkcs11CryptoToken token = active("lifecycle");

    CryptoTokenException e =
        assertThrows(
            CryptoTokenException.class, () -> token.generateKeyPair("sm2", KeyAlgorithm.SM2_256));
    assertEquals(
        "crypto token softhsm-lifecycle: SoftHSM2/PKCS#11 has no SM2 mechanism; SM2 keys stay on"
            + " the software token or an SDF (GM/T 0018) device",
        e.getMessage());
    assertFalse(token.containsKey("sm2"));
  }

  @Test
  void existingAliasIsNeverOverwritten() {
    Pkcs11CryptoToken token = active("lifecycle");
    PublicKey original = token.generateKeyPair("kept", KeyAlgorithm.EC_P256);

    assertThrows(
        KeyAliasExistsException.class, () -> token.generateKeyPair("kept", KeyAlgorithm.RSA_2048));
    assertArrayEquals(original.getEncoded(), token.publicKey("kept").getEncoded());
    assertThrows(
        IllegalArgumentException.class, () -> token.generateKeyPair("a/b", KeyAlgorithm.EC_P256));
    token.destroyKey("kept");
  }

  @Test
  void destroyedKeyCannotSignAndIsGoneFromTheModule() throws Exception {
    Pkcs11CryptoToken token = active("lifecycle");
    token.generateKeyPair("doomed", KeyAlgorithm.RSA_2048);
    PublicKey survivor = token.generateKeyPair("survivor", KeyAlgorithm.EC_P256);

    token.destroyKey("doomed");

    assertFalse(token.containsKey("doomed"));
    assertThrows(
        UnknownKeyException.class,
        () -> token.sign("doomed", SignatureAlgorithm.SHA256_WITH_RSA, DATA));
    assertThrows(UnknownKeyException.class, () -> token.destroyKey("doomed"));
    Pkcs11CryptoToken reopened = active("lifecycle");
    assertFalse(reopened.containsKey("doomed"));
    assertTrue(
        verifies(
            SignatureAlgorithm.SHA256_WITH_ECDSA,
            survivor,
            reopened.sign("survivor", SignatureAlgorithm.SHA256_WITH_ECDSA, DATA)));
    reopened.generateKeyPair("doomed", KeyAlgorithm.EC_P256);
    reopened.destroyKey("doomed");
    reopened.destroyKey("survivor");
  }

  @Test
  void concurrentSignaturesShareTheSessionPoolAndAllVerify() throws Exception {
    Pkcs11CryptoToken token = active("concurrency");
    PublicKey rsa = token.generateKeyPair("busy-rsa", KeyAlgorithm.RSA_2048);
    PublicKey ec = token.generateKeyPair("busy-ec", KeyAlgorithm.EC_P256);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> work = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        boolean useRsa = i % 2 == 0;
        SignatureAlgorithm algorithm =
            useRsa ? SignatureAlgorithm.SHA256_WITH_RSA : SignatureAlgorithm.SHA256_WITH_ECDSA;
        String alias = useRsa ? "busy-rsa" : "busy-ec";
        work.add(() -> verifies(algorithm, useRsa ? rsa : ec, token.sign(alias, algorithm, DATA)));
      }
      for (Future<Boolean> result : threads.invokeAll(work)) {
        assertTrue(result.get());
      }
    } finally {
      threads.shutdown();
    }
    token.destroyKey("busy-rsa");
    token.destroyKey("busy-ec");
  }

  static boolean verifies(SignatureAlgorithm algorithm, PublicKey key, byte[] signature)
      throws Exception {
    // BouncyCastle takes the keys of both token kinds (the software token's EC keys are its own)
    Signature verifier = Signature.getInstance(algorithm.jcaName(), BC);
    verifier.initVerify(key);
    verifier.update(DATA);
    return verifier.verify(signature);
  }
}
