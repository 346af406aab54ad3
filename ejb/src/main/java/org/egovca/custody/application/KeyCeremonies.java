package org.egovca.custody.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.egovca.ca.application.CaTokenActivated;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.hsm.TokenAuthenticationException;
import org.egovca.hsm.TokenDescription;
import org.egovca.hsm.TokenStatus;
import org.egovca.hsm.sharing.CustodianPins;

/**
 * The key ceremonies of the CA's token (CPS §6.5.2.1-6.5.2.3): the enrolment that gives five key
 * custodians their shares, and the activation by three of them after a start. Every ceremony is
 * recorded and audited whatever its outcome; a refused one names what was wrong (too few
 * custodians, the same custodian twice, a wrong PIN, someone who is not a custodian) and changes
 * nothing but the record and, for a wrong PIN, that custodian's count towards a lockout.
 *
 * <p>The shares are opened outside any transaction: each costs an Argon2id derivation.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyCeremonies {

  private static final Logger LOG = Logger.getLogger(KeyCeremonies.class.getName());

  @Inject private CaToken cryptoToken;
  @Inject private CeremonyRecords records;
  @Inject private CustodianEnrolment enrolment;
  @Inject private CustodianQuorum quorums;
  @Inject private Event<CaTokenActivated> activated;

  /**
   * Enrols the five key custodians of the CA's token, whose PIN is still on disk: gives the token a
   * new PIN first (where it can change it), shares that among the custodians, and deletes the PIN
   * from disk once their shares have committed.
   *
   * @return the ceremony's record
   * @throws Refusal if the custodians are enrolled already, not five different valid usernames, or
   *     a PIN breaks the PIN rules
   */
  public long enrol(List<CustodianPresence> custodians, CeremonySource source) {
    String token = cryptoToken.token().name();
    CeremonyRun run = new CeremonyRun(CeremonyKind.ENROLMENT, token, source, custodians, records);
    return run.run(
        () -> {
          if (new HashSet<>(run.usernames()).size() != CeremonyRun.CUSTODIANS) {
            throw Refusal.invalid(
                null,
                null,
                "the enrolment needs " + CeremonyRun.CUSTODIANS + " different key custodians");
          }
          for (CustodianPresence custodian : custodians) {
            Set<CustodianPins.Problem> problems = CustodianPins.check(custodian.pin());
            if (!problems.isEmpty()) {
              throw Refusal.invalid(
                  null, null, "the PIN of " + custodian.username() + " " + words(problems));
            }
          }
          if (records.currentDistribution(token).isPresent()) {
            // before any PIN changes: a new PIN now would be one the enrolled custodians lack
            throw new Refusal(
                RefusalCode.WRONG_STATE,
                "the key custodians of token "
                    + token
                    + " are enrolled already; a new distribution needs three of them (re-sharing)");
          }
          Map<String, char[]> pins = pendingPins(token);
          long ceremony;
          try {
            ceremony = enrolment.enrol(token, custodians, CustodianQuorum.THRESHOLD, pins, source);
          } finally {
            pins.values().forEach(pin -> Arrays.fill(pin, '\0'));
          }
          forgetPendingPins(pins.keySet());
          return ceremony;
        });
  }

  /**
   * Activates the CA's token with the shares of the custodians present: at least three different
   * ones of its current distribution, each with the PIN of their share.
   *
   * @return the ceremony's record
   * @throws Refusal if the token is active already or has no enrolled custodians (WRONG_STATE), a
   *     custodian is named twice, too few are present or one is not a custodian with a share
   *     (INVALID_INPUT), or a PIN is wrong (LOGIN_FAILED, naming the custodian)
   */
  public long activate(List<CustodianPresence> custodians, CeremonySource source) {
    return activate(custodians, source, null);
  }

  /**
   * As {@link #activate(List, CeremonySource)}, hosted at the console by the security administrator
   * {@code host}, whom the ceremony's record names.
   */
  public long activate(List<CustodianPresence> custodians, CeremonySource source, String host) {
    String token = cryptoToken.token().name();
    CeremonyRun run =
        new CeremonyRun(CeremonyKind.ACTIVATION, token, source, custodians, records).hostedBy(host);
    return run.run(
        () -> {
          requireOffline(token);
          long distribution;
          Set<String> pinChanges = new LinkedHashSet<>();
          try (CustodianQuorum.Quorum quorum = quorums.open(run)) {
            activateWith(token, quorum, pinChanges);
            distribution = quorum.distributionId();
          }
          long ceremony;
          try {
            ceremony = records.activated(run, distribution);
          } catch (RuntimeException e) {
            // an activation that is not on record is undone
            cryptoToken.token().deactivate();
            throw e;
          }
          settle(distribution, pinChanges);
          announce(new CaTokenActivated(token, ceremony));
          return ceremony;
        });
  }

  /** Whether the CA token's custodians are enrolled (its PIN no longer waits on disk). */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public boolean enrolled() {
    return records.currentDistribution(cryptoToken.token().name()).isPresent();
  }

  /** Whether the CA token's custodians are the demo custodians of the embedded default. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public boolean enrolledInTheDemo() {
    return records
        .currentDistribution(cryptoToken.token().name())
        .map(distribution -> distribution.getCeremony().getSource() == CeremonySource.DEMO_START)
        .orElse(false);
  }

  /**
   * Deletes the PIN files once the shares have committed. A file that cannot be deleted does not
   * undo the enrolment: the next start deletes it and keeps the tokens OFFLINE ({@code
   * CustodyStart}).
   */
  private void forgetPendingPins(java.util.Set<String> tokenNames) {
    for (String tokenName : tokenNames) {
      try {
        cryptoToken.forgetPendingPin(tokenName);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "cannot delete the PIN file of token " + tokenName, e);
      }
    }
  }

  /**
   * Every token's PIN for the custodians: a new one where the token can change its PIN, so that the
   * PIN that waited on disk until now opens nothing once they hold theirs; the waiting one of a
   * PKCS#11 module, whose officer changes it before the enrolment.
   */
  private Map<String, char[]> pendingPins(String token) {
    for (TokenDescription member : cryptoToken.tokens()) {
      Optional<char[]> pin = cryptoToken.pendingPin(member.name());
      if (pin.isEmpty()) {
        throw new Refusal(
            RefusalCode.WRONG_STATE,
            "the PIN of token "
                + member.name()
                + " of "
                + token
                + " is not waiting on disk: its key custodians are enrolled already");
      }
      Arrays.fill(pin.get(), '\0');
    }
    Map<String, char[]> pins = new LinkedHashMap<>();
    try {
      for (TokenDescription member : cryptoToken.tokens()) {
        Optional<char[]> renewed = cryptoToken.renewPendingPin(member.name());
        if (renewed.isEmpty()) {
          LOG.warning(
              () ->
                  "Token "
                      + member.name()
                      + " keeps the PIN its officer gave it: the custodians receive shares of"
                      + " that PIN");
        }
        pins.put(member.name(), renewed.or(() -> cryptoToken.pendingPin(member.name())).get());
      }
      return pins;
    } catch (RuntimeException e) {
      pins.values().forEach(pin -> Arrays.fill(pin, '\0'));
      throw e;
    }
  }

  /**
   * Opens each OFFLINE token's PIN with the custodians' secret and activates the token: all of them
   * or none, so that no key is usable while the ceremony counts as failed.
   */
  private void activateWith(String token, CustodianQuorum.Quorum quorum, Set<String> pinChanges) {
    List<String> activated = new ArrayList<>();
    try {
      for (TokenDescription member : cryptoToken.tokens()) {
        if (member.awaitsActivation() && activate(member.name(), quorum, pinChanges)) {
          activated.add(member.name());
        }
      }
      if (activated.isEmpty()) {
        throw alreadyActive(token);
      }
    } catch (RuntimeException e) {
      activated.forEach(cryptoToken::deactivate);
      throw e;
    }
  }

  /**
   * Activates the token with its sealed PIN. After a re-sharing whose PIN change was not settled (a
   * failure or a crash between its steps), a token the new PIN does not open is opened with the PIN
   * it had and given the new one now, so that the re-sharing's purpose is reached late rather than
   * never; {@code pinChanges} collects each token whose change this settles.
   */
  private boolean activate(
      String tokenName, CustodianQuorum.Quorum quorum, Set<String> pinChanges) {
    boolean unsettled = quorum.previousTokenPins().containsKey(tokenName);
    char[] pin = quorum.tokenPin(tokenName);
    try {
      boolean activated = cryptoToken.activate(tokenName, pin);
      if (activated && unsettled) {
        pinChanges.add(tokenName);
      }
      return activated;
    } catch (RuntimeException e) {
      if (!unsettled || !wrongPin(e)) {
        throw e;
      }
      return activateWithThePreviousPin(tokenName, quorum, pin, pinChanges);
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  private boolean activateWithThePreviousPin(
      String tokenName, CustodianQuorum.Quorum quorum, char[] newPin, Set<String> pinChanges) {
    char[] previous = quorum.previousTokenPin(tokenName).orElseThrow();
    try {
      boolean activated = cryptoToken.activate(tokenName, previous);
      if (activated) {
        try {
          cryptoToken.changePin(tokenName, newPin);
          pinChanges.add(tokenName);
        } catch (RuntimeException e) {
          // unknown whether the token took it: both stay sealed, the next activation decides
          LOG.log(Level.SEVERE, "token " + tokenName + " could not take its new PIN again", e);
        }
      }
      return activated;
    } finally {
      Arrays.fill(previous, '\0');
    }
  }

  /** Whether {@code e} says the PIN was wrong (the container wraps what the token throws). */
  private static boolean wrongPin(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TokenAuthenticationException) {
        return true;
      }
    }
    return false;
  }

  /** Records that each token in {@code pinChanges} has the PIN sealed for it now. */
  private void settle(long distribution, Set<String> pinChanges) {
    for (String tokenName : pinChanges) {
      try {
        records.settlePinChange(distribution, tokenName);
        LOG.info(() -> "The PIN change of token " + tokenName + " is settled");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "the PIN change of " + tokenName + " stays unsettled", e);
      }
    }
  }

  private void requireOffline(String token) {
    if (cryptoToken.token().status() == TokenStatus.ACTIVE) {
      throw alreadyActive(token);
    }
  }

  private static Refusal alreadyActive(String token) {
    return new Refusal(RefusalCode.WRONG_STATE, "token " + token + " is active already");
  }

  /** The signing work that waited for the token must not turn a done activation into a failure. */
  private void announce(CaTokenActivated event) {
    try {
      activated.fire(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "work waiting for the token's activation failed; it is retried", e);
    }
  }

  /** The PIN rules broken, in the words a custodian reads. */
  private static String words(Set<CustodianPins.Problem> problems) {
    return problems.stream()
        .map(
            problem ->
                switch (problem) {
                  case TOO_SHORT -> "has fewer than " + CustodianPins.MIN_LENGTH + " characters";
                  case TOO_LONG -> "has more than " + CustodianPins.MAX_LENGTH + " characters";
                  case ONLY_DIGITS -> "is only digits";
                  case TOO_FEW_DISTINCT_CHARACTERS ->
                      "has fewer than "
                          + CustodianPins.MIN_DISTINCT_CHARACTERS
                          + " different characters";
                  case NOT_PRINTABLE_ASCII -> "has a character other than printable ASCII";
                })
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
