package org.egovca.hsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys spread over two tokens, used as one set. */
class TokenSetTest {

  private static final char[] PIN = "set-test-pin".toCharArray();

  @TempDir Path directory;

  private SoftwareCryptoToken sm2Token;
  private SoftwareCryptoToken rsaToken;
  private TokenSet set;

  @BeforeEach
  void twoTokens() {
    sm2Token = SoftwareCryptoToken.initialize("ca", directory.resolve("ca"), PIN);
    rsaToken = SoftwareCryptoToken.initialize("hsm", directory.resolve("hsm"), PIN);
    sm2Token.activate(PIN);
    rsaToken.activate(PIN);
    set =
        new TokenSet(
            "ca",
            List.of(
                new TokenSet.Member(sm2Token, Set.of(KeyAlgorithm.SM2_256)),
                new TokenSet.Member(
                    rsaToken, Set.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.EC_P256))));
  }

  @Test
  void newKeysGoToTheTokenOfTheirAlgorithmAndAreUsedThroughTheSet() throws Exception {
    set.generateKeyPair("root", KeyAlgorithm.SM2_256);
    set.generateKeyPair("tls", KeyAlgorithm.RSA_2048);

    assertEquals(Set.of("root"), sm2Token.aliases());
    assertEquals(Set.of("tls"), rsaToken.aliases());
    assertEquals(Set.of("root", "tls"), set.aliases());
    assertEquals(rsaToken, set.holder("tls"));
    byte[] data = "to be signed".getBytes();
    byte[] signature = set.sign("tls", SignatureAlgorithm.SHA256_WITH_RSA, data);
    java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
    verifier.initVerify(set.publicKey("tls"));
    verifier.update(data);
    assertTrue(verifier.verify(signature));
  }

  @Test
  void anAliasIsUniqueAcrossTheTokens() {
    set.generateKeyPair("key", KeyAlgorithm.SM2_256);
    assertThrows(
        KeyAliasExistsException.class, () -> set.generateKeyPair("key", KeyAlgorithm.RSA_2048));
  }

  @Test
  void anAlgorithmNoTokenHoldsIsRefused() {
    assertThrows(
        CryptoTokenException.class, () -> set.generateKeyPair("old", KeyAlgorithm.RSA_1024));
  }

  @Test
  void theSetIsActiveOnlyWhenEveryTokenIs() {
    assertEquals(TokenStatus.ACTIVE, set.status());
    rsaToken.deactivate();
    assertEquals(TokenStatus.OFFLINE, set.status());
    assertThrows(UnsupportedOperationException.class, () -> set.activate(PIN));
    set.member("hsm").activate(PIN);
    assertEquals(TokenStatus.ACTIVE, set.status());
  }

  @Test
  void anUnknownKeyOrTokenIsNamed() {
    assertThrows(UnknownKeyException.class, () -> set.publicKey("nothing"));
    assertThrows(IllegalArgumentException.class, () -> set.member("other"));
    assertFalse(set.containsKey("nothing"));
  }
}
