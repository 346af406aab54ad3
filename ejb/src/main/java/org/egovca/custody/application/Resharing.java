package org.egovca.custody.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.custody.domain.ShareDistribution;
import org.egovca.hsm.sharing.CustodianPins;

/**
 * The re-sharing ceremony (CPS §6.5.2.4, a custodian leaves or joins): three custodians of the
 * current distribution open its secret's shares, and five custodians, each present to type the PIN
 * of their new share, receive a new distribution of a new secret; the old distribution's sealed
 * material is wiped. A custodian who stays types the PIN they had. New custodians are operator
 * accounts with the key custodian role already (created by security administrators under dual
 * control): a re-sharing never creates accounts, so that nobody can hand themselves several shares
 * under invented names. Every token that can change its PIN gets a new one, so that the old
 * distribution's sealed material, wherever a copy survives, opens nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Resharing {

  private static final Logger LOG = Logger.getLogger(Resharing.class.getName());

  @Inject private CaToken cryptoToken;
  @Inject private CeremonyRecords records;
  @Inject private CustodianQuorum quorums;
  @Inject private CustodianEnrolment enrolment;

  /**
   * Gives {@code newCustodians} (five usernames, each among {@code present}) the shares of a new
   * distribution, on the authority of at least three of {@code present} who hold shares of the
   * current one.
   *
   * @return the ceremony's record
   * @throws Refusal if the new custodians are not five different people present, a new PIN breaks
   *     the PIN rules, or fewer than three holders of the current shares open theirs
   */
  public long reshare(
      List<CustodianPresence> present, List<String> newCustodians, CeremonySource source) {
    return reshare(present, newCustodians, source, null);
  }

  /** As {@link #reshare(List, List, CeremonySource)}, hosted at the console by {@code host}. */
  public long reshare(
      List<CustodianPresence> present,
      List<String> newCustodians,
      CeremonySource source,
      String host) {
    String token = cryptoToken.token().name();
    CeremonyRun run =
        new CeremonyRun(CeremonyKind.RESHARING, token, source, present, records)
            .allowing(2 * CeremonyRun.CUSTODIANS)
            .hostedBy(host);
    return run.run(
        () -> {
          List<CustodianPresence> receiving = receiving(present, newCustodians);
          ShareDistribution current =
              records
                  .currentDistribution(token)
                  .orElseThrow(
                      () ->
                          new Refusal(
                              RefusalCode.WRONG_STATE,
                              "token " + token + " has no enrolled key custodians to re-share"));
          List<CustodianPresence> holders =
              present.stream()
                  .filter(custodian -> current.shareOf(custodian.username()).isPresent())
                  .toList();
          for (CustodianPresence custodian : present) {
            if (current.shareOf(custodian.username()).isEmpty()
                && !newCustodians.contains(custodian.username())) {
              // nobody is on record as present whose presence nothing checked
              throw Refusal.invalid(
                  null,
                  null,
                  custodian.username()
                      + " neither holds a current share nor is one of the new custodians");
            }
          }
          records.requireActiveCustodians(newCustodians);
          CustodianEnrolment.Reshared reshared;
          try (CustodianQuorum.Quorum quorum = quorums.open(run, holders)) {
            reshared = enrolment.reshare(run, receiving, quorum);
          }
          changePins(reshared);
          return reshared.ceremonyId();
        });
  }

  /**
   * Gives each token the new PIN the re-sharing sealed for it, now that the new distribution has
   * committed, and settles the change once the token took it. Nothing here undoes the re-sharing: a
   * token that failed to change its PIN may have taken it or not (a swap of its directory half
   * done), so both PINs stay sealed and the next activation settles it, giving the token the new
   * PIN then.
   */
  private void changePins(CustodianEnrolment.Reshared reshared) {
    reshared
        .newPins()
        .forEach(
            (tokenName, pin) -> {
              try {
                cryptoToken.changePin(tokenName, pin);
              } catch (RuntimeException e) {
                LOG.log(
                    Level.SEVERE,
                    "token "
                        + tokenName
                        + " did not take its new PIN; the next activation settles it (restart"
                        + " the CA and activate it)",
                    e);
                return;
              } finally {
                Arrays.fill(pin, '\0');
              }
              try {
                records.settlePinChange(reshared.distributionId(), tokenName);
              } catch (RuntimeException e) {
                LOG.log(
                    Level.SEVERE,
                    "the PIN change of token " + tokenName + " is settled at the next activation",
                    e);
              }
            });
  }

  /** The five new custodians as present, each with a PIN that keeps the PIN rules. */
  private static List<CustodianPresence> receiving(
      List<CustodianPresence> present, List<String> newCustodians) {
    if (newCustodians.size() != CeremonyRun.CUSTODIANS
        || new HashSet<>(newCustodians).size() != CeremonyRun.CUSTODIANS) {
      throw Refusal.invalid(
          null,
          null,
          "a re-sharing names " + CeremonyRun.CUSTODIANS + " different new key custodians");
    }
    Map<String, CustodianPresence> byName =
        present.stream()
            .collect(Collectors.toMap(CustodianPresence::username, Function.identity()));
    for (String username : newCustodians) {
      CustodianPresence custodian = byName.get(username);
      if (custodian == null) {
        throw Refusal.invalid(
            null,
            null,
            "new key custodian " + username + " must be present to set the PIN of their share");
      }
      Set<CustodianPins.Problem> problems = CustodianPins.check(custodian.pin());
      if (!problems.isEmpty()) {
        throw Refusal.invalid(
            null, null, "the PIN of " + username + " breaks the PIN rules: " + problems);
      }
    }
    return newCustodians.stream().map(byName::get).toList();
  }
}
