package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.egovca.ca.infrastructure.CaBootstrap;
import org.egovca.ca.infrastructure.CaConfiguration;
import org.egovca.ca.infrastructure.CaCryptoToken;
import org.egovca.hsm.TokenStatus;

/** Whether the CA can issue now: bootstrapped, crypto token active, database answering. */
@Stateless
public class Health {

  /** The parts of the answer of {@code GET /pki/health}. */
  public record Status(boolean up, boolean ready, String token, boolean database, String ca) {}

  @Inject private CaBootstrap bootstrap;
  @Inject private CaCryptoToken cryptoToken;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CaConfiguration configuration;

  public Status check() {
    boolean database;
    try {
      database = certificateAuthorities.byName(configuration.issuingCaName()).isPresent();
    } catch (RuntimeException e) {
      database = false;
    }
    TokenStatus token =
        cryptoToken.token() == null ? TokenStatus.OFFLINE : cryptoToken.token().status();
    boolean ready = bootstrap.isReady();
    return new Status(
        ready && database && token == TokenStatus.ACTIVE,
        ready,
        token.name(),
        database,
        configuration.issuingCaName());
  }
}
