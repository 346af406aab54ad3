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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.DataFiles;
import org.egovca.ca.application.port.GeneratedKeyToken;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.SoftwareCryptoToken;

/**
 * The token for generated keys: a software token of its own in {@code <data>/generated-keys}, made
 * new at every start under a random PIN that exists only in this process's memory. Its key files
 * are encrypted under that PIN, so they — and any backup or disk image that copies them — are
 * useless once the process ends: the CA cannot keep a copy of a holder's private key even by
 * accident (CPS §6.1.4.10.1). The price is that a key still waiting for its holder when the CA
 * stops is lost; the sweep of generated keys then revokes its certificate, and the applicant
 * applies again. What a previous run left in the directory is deleted at start.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@Local(GeneratedKeyToken.class)
public class GeneratedKeyCryptoToken implements GeneratedKeyToken {

  private static final Logger LOG = Logger.getLogger(GeneratedKeyCryptoToken.class.getName());
  private static final String NAME = "generated-keys";

  @Inject private CaConfiguration configuration;

  private CryptoToken token;

  @PostConstruct
  void open() {
    Path directory = configuration.dataDirectory().resolve(NAME);
    long left = deleteLeftovers(directory);
    if (left > 0) {
      LOG.warning(
          () ->
              left
                  + " generated keys of the previous run were still waiting for their holders; they"
                  + " are lost with that run's PIN, and the sweep of generated keys revokes their"
                  + " certificates");
    }
    char[] pin = DataFiles.randomPassword();
    try {
      token = SoftwareCryptoToken.initialize(NAME, directory, pin);
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  /** Deletes the directory of a previous run; returns how many private key files it held. */
  private static long deleteLeftovers(Path directory) {
    if (!Files.exists(directory)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      long keys = 0;
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        if (file.getFileName().toString().endsWith(".key")) {
          keys++;
        }
        Files.delete(file);
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + directory, e);
    }
  }

  @PreDestroy
  void close() {
    if (token != null) {
      token.deactivate();
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CryptoToken token() {
    return token;
  }
}
