package org.egovca.ca.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.TestProfiles;
import org.egovca.ca.testing.TestKeys;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.egovca.hsm.TokenKind;
import org.egovca.hsm.TokenOfflineException;
import org.egovca.hsm.TokenStatus;
import org.egovca.hsm.WrappedKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CA whose token is offline refuses with TOKEN_OFFLINE wherever it would sign or make a key,
 * whether the token fails when the signer is made (the software token) or only when the signature
 * is (a token that signs in one call, as a PKCS#11 token does), and never returns a certificate.
 */
class OfflineTokenTest {

  private static final char[] PIN = "pin".toCharArray();

  @TempDir Path tokenDirectory;

  private SoftwareCryptoToken token;
  private IssuingCa root;
  private Instant now;

  @BeforeEach
  void activeRoot() {
    token = SoftwareCryptoToken.initialize("ca", tokenDirectory, PIN);
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    PublicKey key = token.generateKeyPair("root", KeyAlgorithm.SM2_256);
    X509CertificateHolder certificate =
        assembler(token)
            .rootCa(
                SubjectNames.parse("CN=Offline Root,C=CN", TestProfiles.named("ca")),
                "root",
                KeyAlgorithm.SM2_256,
                TestKeys.spki(key),
                now,
                now.plus(Duration.ofDays(3650)));
    root = new IssuingCa("root", certificate, "root", KeyAlgorithm.SM2_256);
  }

  @AfterEach
  void close() {
    token.deactivate();
  }

  private static CertificateAssembler assembler(CryptoToken token) {
    return new CertificateAssembler(
        token,
        PkiUrls.of("http://ca.example/pki"),
        "1.2.156.1.2.3",
        new DirectoryUrls("ldap://ldap.example", "o=iFutureCA,c=CN"));
  }

  private X509CertificateHolder endEntity(CryptoToken signingToken) {
    CertificateProfile profile = TestProfiles.named("personal-sign");
    return assembler(signingToken)
        .endEntity(
            root,
            profile,
            EndEntityContent.of(
                SubjectNames.parse("CN=Holder,C=CN", profile),
                TestKeys.spki(TestKeys.sm2KeyPair().getPublic())),
            SerialNumberGenerator.next(),
            now,
            now.plus(Duration.ofDays(365)));
  }

  private static void refusedOffline(Refusal refusal) {
    assertEquals(RefusalCode.TOKEN_OFFLINE, refusal.code());
    assertEquals(OfflineToken.MESSAGE_KEY, refusal.problems().get(0).key());
    assertTrue(refusal.getMessage().contains("key custodians"), refusal.getMessage());
  }

  @Test
  void anOfflineSoftwareTokenRefusesAnEndEntityCertificate() {
    token.deactivate();

    refusedOffline(assertThrows(Refusal.class, () -> endEntity(token)));
  }

  @Test
  void aTokenThatFailsOnlyWhenItSignsRefusesTheSameWay() {
    CryptoToken signsInOneCall = new SignsInOneCall(token);
    endEntity(signsInOneCall); // the adapter signs while the token is active

    token.deactivate();

    refusedOffline(assertThrows(Refusal.class, () -> endEntity(signsInOneCall)));
  }

  @Test
  void anOfflineTokenRefusesARolloverBeforeItMakesTheNewKey() {
    token.deactivate();
    CaKeyRollover rollover = new CaKeyRollover(token, assembler(token));

    refusedOffline(
        assertThrows(
            Refusal.class,
            () ->
                rollover.rollOver(
                    root, Optional.empty(), "root-2", now, now.plus(Duration.ofDays(3650)))));
    assertEquals(Set.of("root"), token.aliases(), "no key was made");
  }

  @Test
  void theCausesOfAFailureTellAnOfflineTokenFromAFault() {
    TokenOfflineException offline = new TokenOfflineException("ca");

    assertTrue(OfflineToken.causedBy(offline));
    assertTrue(OfflineToken.causedBy(new EJBException(new IllegalStateException(offline))));
    assertTrue(OfflineToken.causedBy(OfflineToken.refusal()));
    assertFalse(OfflineToken.causedBy(new IllegalStateException("database down")));
    assertFalse(OfflineToken.causedBy(new Refusal(RefusalCode.INVALID_SUBJECT, "no name")));
    assertFalse(OfflineToken.causedBy(null));
  }

  /**
   * A token that keeps the contract's default {@link CryptoToken#contentSigner}: the signer is made
   * in any state, and the offline token fails in {@link CryptoToken#sign}, as a PKCS#11 token does.
   */
  private record SignsInOneCall(CryptoToken token) implements CryptoToken {
    @Override
    public String name() {
      return token.name();
    }

    @Override
    public TokenStatus status() {
      return token.status();
    }

    @Override
    public void activate(char[] pin) {
      token.activate(pin);
    }

    @Override
    public void deactivate() {
      token.deactivate();
    }

    @Override
    public PublicKey generateKeyPair(String alias, KeyAlgorithm algorithm) {
      return token.generateKeyPair(alias, algorithm);
    }

    @Override
    public boolean containsKey(String alias) {
      return token.containsKey(alias);
    }

    @Override
    public Set<String> aliases() {
      return token.aliases();
    }

    @Override
    public PublicKey publicKey(String alias) {
      return token.publicKey(alias);
    }

    @Override
    public KeyAlgorithm keyAlgorithm(String alias) {
      return token.keyAlgorithm(alias);
    }

    @Override
    public byte[] sign(String alias, SignatureAlgorithm algorithm, byte[] data) {
      return token.sign(alias, algorithm, data);
    }

    @Override
    public TokenKind kind() {
      return token.kind();
    }

    @Override
    public void destroyKey(String alias) {
      token.destroyKey(alias);
    }

    @Override
    public PublicKey createTransportKey() {
      return token.createTransportKey();
    }

    @Override
    public WrappedKey exportKey(String alias, PublicKey transportKey) {
      return token.exportKey(alias, transportKey);
    }

    @Override
    public PublicKey importKey(WrappedKey key) {
      return token.importKey(key);
    }
  }
}
