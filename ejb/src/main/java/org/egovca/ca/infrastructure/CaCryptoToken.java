package org.egovca.ca.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.DataFiles;
import org.egovca.ca.application.port.CaToken;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SoftwareCryptoToken;
import org.egovca.hsm.TokenAuthenticationException;
import org.egovca.hsm.TokenDescription;
import org.egovca.hsm.TokenSet;
import org.egovca.hsm.TokenStatus;
import org.egovca.hsm.pkcs11.Pkcs11CryptoToken;
import org.egovca.hsm.pkcs11.Pkcs11TokenConfig;

/**
 * The crypto tokens that hold the CA keys, used as one {@link TokenSet}: the software token {@code
 * ca} of {@code src-hsm} in {@code <data>/token} (its private keys encrypted at rest under a random
 * PIN made with it), and, where configured ({@link CaConfiguration#pkcs11Token()}), a PKCS#11
 * module {@code hsm} that holds the new RSA and EC keys; SM2 keys stay on the software token, since
 * PKCS#11 modules such as SoftHSM2 have no SM2 mechanism.
 *
 * <p>Until the key custodians are enrolled each token's PIN waits in an owner-only file ({@link
 * PendingPins}), and each start activates the token with it. The enrolment ceremony gives the
 * custodians shares of them and deletes the files; from then on the tokens start OFFLINE and wait
 * for an activation ceremony ({@code org.egovca.custody}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@Local(CaToken.class)
public class CaCryptoToken implements CaToken {

  private static final Logger LOG = Logger.getLogger(CaCryptoToken.class.getName());
  private static final String SOFTWARE_TOKEN = "ca";

  @Inject private CaConfiguration configuration;

  private TokenSet tokens;
  private PendingPins pending;

  @PostConstruct
  void open() {
    openIn(configuration.dataDirectory(), configuration.pkcs11Token());
  }

  /** Opens the tokens of the data directory {@code data}, and the PKCS#11 module if configured. */
  void openIn(Path data, Optional<Pkcs11TokenConfig> pkcs11Token) {
    pending = new PendingPins(data.resolve("secrets"), SOFTWARE_TOKEN);
    List<TokenSet.Member> members = new ArrayList<>();
    EnumSet<KeyAlgorithm> softwareKeys = EnumSet.allOf(KeyAlgorithm.class);
    pkcs11Token.ifPresent(
        config -> {
          CryptoToken hsm = Pkcs11CryptoToken.open(config);
          EnumSet<KeyAlgorithm> hsmKeys =
              EnumSet.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.RSA_4096, KeyAlgorithm.EC_P256);
          softwareKeys.removeAll(hsmKeys);
          members.add(new TokenSet.Member(hsm, hsmKeys));
        });
    members.add(0, new TokenSet.Member(softwareToken(data.resolve("token")), softwareKeys));
    tokens = new TokenSet(SOFTWARE_TOKEN, members);
    for (CryptoToken token : tokens.tokens()) {
      if (token.status() == TokenStatus.OFFLINE) {
        settleInterruptedPinChange(token);
        pending.read(token.name()).ifPresent(pin -> activateWithPendingPin(token, pin));
      }
      LOG.info(
          () ->
              "CA crypto token '"
                  + token.name()
                  + "' ("
                  + token.kind()
                  + ") is "
                  + token.status()
                  + (token.status() == TokenStatus.OFFLINE
                      ? ": it waits for an activation ceremony of its key custodians"
                      : ""));
    }
  }

  /** The software token, made with a new random PIN (waiting on disk) on the first start. */
  private CryptoToken softwareToken(Path directory) {
    if (Files.exists(directory.resolve("token.properties"))) {
      return SoftwareCryptoToken.open(SOFTWARE_TOKEN, directory);
    }
    try {
      char[] pin = DataFiles.readOrCreateSecret(pending.file(SOFTWARE_TOKEN));
      try {
        return SoftwareCryptoToken.initialize(SOFTWARE_TOKEN, directory, pin);
      } finally {
        Arrays.fill(pin, '\0');
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the CA crypto token in " + directory, e);
    }
  }

  /**
   * A crash during {@link #renewPendingPin} left the new PIN beside the waiting one: if the token
   * took it, it becomes the waiting PIN; if not, it goes.
   */
  private void settleInterruptedPinChange(CryptoToken token) {
    Optional<char[]> next = pending.readNext(token.name());
    if (next.isEmpty()) {
      return;
    }
    try {
      token.activate(next.get());
      token.deactivate();
      pending.promoteNext(token.name());
    } catch (TokenAuthenticationException stillTheOldPin) {
      pending.forgetNext(token.name());
    } finally {
      Arrays.fill(next.get(), '\0');
    }
  }

  private void activateWithPendingPin(CryptoToken token, char[] pin) {
    try {
      token.activate(pin);
    } finally {
      Arrays.fill(pin, '\0');
    }
    LOG.warning(
        () ->
            "The PIN of CA crypto token '"
                + token.name()
                + "' is on disk ("
                + pending.file(token.name())
                + ") until the key custodians are enrolled (ear/bin/egovca ceremony enrol)");
  }

  @PreDestroy
  void close() {
    if (tokens != null) {
      tokens.deactivate();
    }
  }

  @Override
  public CryptoToken token() {
    return tokens;
  }

  @Override
  public CryptoToken holderFor(KeyAlgorithm algorithm) {
    return tokens.memberFor(algorithm);
  }

  @Override
  public List<TokenDescription> tokens() {
    return tokens.tokens().stream().map(CryptoToken::describe).toList();
  }

  @Override
  public synchronized boolean activate(String tokenName, char[] pin) {
    CryptoToken token = tokens.member(tokenName);
    if (token.status() == TokenStatus.ACTIVE) {
      return false;
    }
    token.activate(pin);
    LOG.info(() -> "CA crypto token '" + tokenName + "' is ACTIVE");
    return true;
  }

  @Override
  public synchronized void deactivate(String tokenName) {
    tokens.member(tokenName).deactivate();
    LOG.info(() -> "CA crypto token '" + tokenName + "' is OFFLINE");
  }

  @Override
  public Optional<char[]> pendingPin(String tokenName) {
    tokens.member(tokenName);
    return pending.read(tokenName);
  }

  /**
   * The new PIN is on disk ({@link PendingPins#createNext}) before the token changes to it, and
   * replaces the waiting one right after: a crash at any point leaves the PIN that opens the token
   * on disk ({@link #settleInterruptedPinChange}).
   */
  @Override
  public synchronized Optional<char[]> renewPendingPin(String tokenName) {
    CryptoToken token = tokens.member(tokenName);
    if (!token.canChangePin()) {
      return Optional.empty();
    }
    char[] pin = pending.createNext(tokenName);
    try {
      token.changePin(pin);
    } catch (RuntimeException e) {
      // the next PIN stays on disk: if the swap of the token's directory half happened, it is
      // the PIN that opens the token, and the next start decides (settleInterruptedPinChange)
      Arrays.fill(pin, '\0');
      throw e;
    }
    pending.promoteNext(tokenName);
    LOG.info(() -> "CA crypto token '" + tokenName + "' has a new PIN for its key custodians");
    return Optional.of(pin);
  }

  @Override
  public void forgetPendingPin(String tokenName) {
    pending.forget(tokenName);
  }

  @Override
  public boolean canChangePin(String tokenName) {
    CryptoToken token = tokens.member(tokenName);
    return token.canChangePin() && token.status() == TokenStatus.ACTIVE;
  }

  @Override
  public synchronized void changePin(String tokenName, char[] newPin) {
    tokens.member(tokenName).changePin(newPin);
    LOG.info(() -> "CA crypto token '" + tokenName + "' has a new PIN for its key custodians");
  }
}
