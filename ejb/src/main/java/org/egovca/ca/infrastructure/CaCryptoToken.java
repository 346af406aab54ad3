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
import java.util.logging.Logger;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.DataFiles;
import org.egovca.ca.application.port.CaToken;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.SoftwareCryptoToken;

/**
 * The crypto token that holds the CA keys. On the embedded default it is the software token of
 * {@code src-hsm} in {@code <data>/token}, its private keys encrypted at rest under an activation
 * PIN generated at first start ({@code <data>/secrets/token.pin}, owner-only). Production replaces
 * the PIN file by key-custodian activation and the software token by an HSM.
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

  @PostConstruct
  void open() {
    Path data = configuration.dataDirectory();
    Path directory = data.resolve("token");
    try {
      char[] pin = DataFiles.readOrCreateSecret(data.resolve("secrets").resolve("token.pin"));
      token =
          Files.exists(directory.resolve("token.properties"))
              ? SoftwareCryptoToken.open(TOKEN_NAME, directory)
              : SoftwareCryptoToken.initialize(TOKEN_NAME, directory, pin);
      token.activate(pin);
      java.util.Arrays.fill(pin, '\0');
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the CA crypto token in " + directory, e);
    }
    LOG.info(() -> "CA crypto token '" + TOKEN_NAME + "' is " + token.status());
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
}
