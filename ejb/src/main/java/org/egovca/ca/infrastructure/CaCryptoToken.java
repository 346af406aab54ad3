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
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.DataFiles;
import org.egovca.ca.application.port.CaToken;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.SoftwareCryptoToken;
import org.egovca.hsm.TokenStatus;

/**
 * The crypto token that holds the CA keys: the software token of {@code src-hsm} in {@code
 * <data>/token}, its private keys encrypted at rest under a random PIN made with it.
 *
 * <p>Until the key custodians are enrolled the PIN waits in {@code <data>/secrets/token.pin}
 * (owner-only), and each start activates the token with it. The enrolment ceremony gives the
 * custodians shares of it and deletes the file; from then on the token starts OFFLINE and waits for
 * an activation ceremony ({@code org.egovca.custody}). An installation of an earlier version, whose
 * PIN was always in that file, is therefore one whose custodians are not enrolled yet.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@Local(CaToken.class)
public class CaCryptoToken implements CaToken {

  private static final Logger LOG = Logger.getLogger(CaCryptoToken.class.getName());
  private static final String TOKEN_NAME = "ca";

  @Inject private CaConfiguration configuration;

  private CryptoToken token;
  private Path pinFile;

  @PostConstruct
  void open() {
    Path data = configuration.dataDirectory();
    Path directory = data.resolve("token");
    pinFile = data.resolve("secrets").resolve("token.pin");
    try {
      if (Files.exists(directory.resolve("token.properties"))) {
        token = SoftwareCryptoToken.open(TOKEN_NAME, directory);
        pendingPin().ifPresent(this::activateWithPendingPin);
      } else {
        char[] pin = DataFiles.readOrCreateSecret(pinFile);
        token = SoftwareCryptoToken.initialize(TOKEN_NAME, directory, pin);
        activateWithPendingPin(pin);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the CA crypto token in " + directory, e);
    }
    LOG.info(
        () ->
            "CA crypto token '"
                + TOKEN_NAME
                + "' is "
                + token.status()
                + (token.status() == TokenStatus.OFFLINE
                    ? ": it waits for an activation ceremony of its key custodians"
                    : ""));
  }

  private void activateWithPendingPin(char[] pin) {
    try {
      token.activate(pin);
    } finally {
      Arrays.fill(pin, '\0');
    }
    LOG.warning(
        () ->
            "The PIN of CA crypto token '"
                + TOKEN_NAME
                + "' is on disk ("
                + pinFile
                + ") until its key custodians are enrolled (ear/bin/egovca ceremony enrol)");
  }

  @PreDestroy
  void close() {
    if (token != null) {
      token.deactivate();
    }
  }

  @Override
  public CryptoToken token() {
    return token;
  }

  @Override
  public synchronized boolean activate(char[] pin) {
    if (token.status() == TokenStatus.ACTIVE) {
      return false;
    }
    token.activate(pin);
    LOG.info(() -> "CA crypto token '" + TOKEN_NAME + "' is ACTIVE");
    return true;
  }

  @Override
  public Optional<char[]> pendingPin() {
    if (!Files.exists(pinFile)) {
      return Optional.empty();
    }
    try {
      return Optional.of(DataFiles.readOrCreateSecret(pinFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pinFile, e);
    }
  }

  @Override
  public void forgetPendingPin() {
    try {
      if (Files.exists(pinFile)) {
        // overwritten in place first, so that the file's blocks do not keep the PIN after the
        // unlink
        try (FileChannel channel = FileChannel.open(pinFile, StandardOpenOption.WRITE)) {
          channel.write(ByteBuffer.allocate((int) channel.size()));
          channel.force(true);
        }
        Files.delete(pinFile);
        LOG.info(() -> "Deleted " + pinFile + ": the key custodians hold the token's PIN now");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + pinFile, e);
    }
  }
}
