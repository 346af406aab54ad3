package org.egovca.ca.infrastructure;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.CertificateAuthorities;
import org.egovca.ca.application.port.CaToken;
import org.egovca.hsm.TokenStatus;

/**
 * Whether the CA serves what it promises now: bootstrapped, crypto token active, database
 * answering, and the HTTPS listener serving the CA-issued certificate and demanding client
 * certificates ({@link HttpsListenerCheck}). Automation waits for {@link Status#up()}.
 */
@Stateless
public class Health {

  /**
   * The parts of the answer of {@code GET /pki/health}.
   *
   * @param up everything below holds: the CA can issue, and its clients can reach it
   * @param ready the CA has started (hierarchy, profiles, first CRLs); its TLS credentials are
   *     written, which the first start waits for before it installs them in the HTTPS listener
   * @param token the crypto token's status
   * @param database whether the database answers
   * @param ca the issuing CA's name
   * @param https what the HTTPS listener serves ({@link HttpsListenerCheck.State})
   */
  public record Status(
      boolean up, boolean ready, String token, boolean database, String ca, String https) {}

  @Inject private CaBootstrap bootstrap;
  @Inject private CaToken cryptoToken;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CaConfiguration configuration;
  @Inject private HttpsListenerCheck httpsListener;

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
    HttpsListenerCheck.State https =
        ready ? httpsListener.state() : HttpsListenerCheck.State.NO_TLS_CA;
    return new Status(
        ready
            && database
            && token == TokenStatus.ACTIVE
            && https == HttpsListenerCheck.State.SERVING,
        ready,
        token.name(),
        database,
        configuration.issuingCaName(),
        https.name());
  }
}
