package org.egovca.ca.infrastructure;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.CertificateAuthorities;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.hsm.TokenDescription;
import org.egovca.hsm.TokenStatus;

/**
 * Whether the CA serves what it promises now: bootstrapped, every crypto token active, database
 * answering, and the HTTPS listener serving the CA-issued certificate and demanding client
 * certificates ({@link HttpsListenerCheck}). Automation waits for {@link Status#up()}; a CA whose
 * token waits for its key custodians (CPS §6.5.2) is started ({@link Status#ready()}) but not up,
 * and says what it waits for ({@link Status#waiting()}).
 */
@Stateless
public class Health {

  /** The one thing {@link Status#waiting()} names today: the key custodians' activation. */
  public static final String CUSTODIANS = "custodians";

  /** The CA as a whole, most pressing first. */
  public enum State {
    /** The start has not finished (hierarchy, profiles, first CRLs). */
    STARTING,
    /**
     * The root revoked the issuing CA's certificate: the CA issues nothing from it, for good (the
     * README's runbook "If a CA key is compromised" says what follows).
     */
    REVOKED,
    /** Started, but a crypto token waits for activation: the CA signs nothing. */
    OFFLINE,
    /** Started with active tokens, but the database or the HTTPS listener is not as required. */
    DEGRADED,
    /** Everything holds: the CA can issue, and its clients can reach it. */
    UP
  }

  /**
   * One crypto token.
   *
   * @param name the token's name ("ca" for the token of the CA keys)
   * @param kind what it is ({@link org.egovca.hsm.TokenKind}, in lower case): "software" for the
   *     software token of {@code src-hsm}, "pkcs11" for a PKCS#11 module
   * @param status ACTIVE or OFFLINE
   * @param waiting {@link #CUSTODIANS} while it waits for activation, else null (left out)
   */
  public record TokenHealth(String name, String kind, String status, String waiting) {

    static TokenHealth of(TokenDescription token) {
      return new TokenHealth(
          token.name(),
          token.kind().name().toLowerCase(Locale.ROOT),
          token.status().name(),
          token.awaitsActivation() ? CUSTODIANS : null);
    }

    boolean active() {
      return TokenStatus.ACTIVE.name().equals(status);
    }
  }

  /**
   * The parts of the answer of {@code GET /pki/health}.
   *
   * @param up everything below holds: the CA can issue, and its clients can reach it
   * @param ready the CA has started (hierarchy, profiles, first CRLs); its TLS credentials are
   *     written, which the first start waits for before it installs them in the HTTPS listener. A
   *     restart whose token waits for the key custodians is ready, and not up
   * @param state the CA as a whole ({@link State})
   * @param waiting {@link #CUSTODIANS} while a token waits for activation, else null (left out)
   * @param token ACTIVE when every token is active, else OFFLINE (the field of the single token of
   *     earlier versions, kept for the scripts that read it)
   * @param tokens each crypto token
   * @param database whether the database answers
   * @param ca the issuing CA's name
   * @param https what the HTTPS listener serves ({@link HttpsListenerCheck.State})
   * @param revoked the CAs whose certificates the root revoked, each as {@code name (reason)}; null
   *     (left out) while there is none
   */
  public record Status(
      boolean up,
      boolean ready,
      String state,
      String waiting,
      String token,
      List<TokenHealth> tokens,
      boolean database,
      String ca,
      String https,
      List<String> revoked) {

    /**
     * The status of a CA that is {@code ready} or not, with these tokens, database and listener.
     */
    static Status of(
        boolean ready,
        List<TokenHealth> tokens,
        boolean database,
        String ca,
        HttpsListenerCheck.State https) {
      return of(ready, tokens, database, ca, https, List.of(), false);
    }

    /**
     * As {@link #of(boolean, List, boolean, String, HttpsListenerCheck.State)}, with the CAs the
     * root revoked; {@code caRevoked}: the issuing CA {@code ca} is one of them.
     */
    static Status of(
        boolean ready,
        List<TokenHealth> tokens,
        boolean database,
        String ca,
        HttpsListenerCheck.State https,
        List<String> revoked,
        boolean caRevoked) {
      boolean tokensActive = !tokens.isEmpty() && tokens.stream().allMatch(TokenHealth::active);
      State state;
      if (!ready) {
        state = State.STARTING;
      } else if (caRevoked) {
        state = State.REVOKED;
      } else if (!tokensActive) {
        state = State.OFFLINE;
      } else if (!database || https != HttpsListenerCheck.State.SERVING) {
        state = State.DEGRADED;
      } else {
        state = State.UP;
      }
      boolean waiting = tokens.stream().anyMatch(token -> token.waiting() != null);
      return new Status(
          state == State.UP,
          ready,
          state.name(),
          waiting ? CUSTODIANS : null,
          (tokensActive ? TokenStatus.ACTIVE : TokenStatus.OFFLINE).name(),
          List.copyOf(tokens),
          database,
          ca,
          https.name(),
          revoked.isEmpty() ? null : List.copyOf(revoked));
    }
  }

  @Inject private CaBootstrap bootstrap;
  @Inject private CaToken cryptoToken;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CaConfiguration configuration;
  @Inject private HttpsListenerCheck httpsListener;

  public Status check() {
    boolean database;
    List<String> revoked = List.of();
    boolean caRevoked = false;
    try {
      List<CertificateAuthority> cas = certificateAuthorities.all();
      database = cas.stream().anyMatch(ca -> ca.getName().equals(configuration.issuingCaName()));
      revoked =
          cas.stream()
              .filter(CertificateAuthority::isRevoked)
              .map(ca -> ca.getName() + " (" + ca.getRevocationReason() + ")")
              .toList();
      caRevoked =
          cas.stream()
              .anyMatch(ca -> ca.getName().equals(configuration.issuingCaName()) && ca.isRevoked());
    } catch (RuntimeException e) {
      database = false;
    }
    List<TokenHealth> tokens =
        cryptoToken.token() == null
            ? List.of(notOpened())
            : cryptoToken.tokens().stream().map(TokenHealth::of).toList();
    boolean ready = bootstrap.isReady();
    HttpsListenerCheck.State https =
        ready ? httpsListener.state() : HttpsListenerCheck.State.NO_TLS_CA;
    return Status.of(
        ready, tokens, database, configuration.issuingCaName(), https, revoked, caRevoked);
  }

  /** A token not opened yet (the start is under way): offline, waiting for the start itself. */
  private static TokenHealth notOpened() {
    return new TokenHealth("ca", "unknown", TokenStatus.OFFLINE.name(), null);
  }
}
