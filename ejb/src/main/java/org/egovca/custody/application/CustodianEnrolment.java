package org.egovca.custody.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.application.DataFiles;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.custody.domain.KeyBackup;
import org.egovca.custody.domain.KeyCeremony;
import org.egovca.custody.domain.ShareDistribution;
import org.egovca.hsm.sharing.SealedShare;
import org.egovca.hsm.sharing.SealedTokenPin;
import org.egovca.hsm.sharing.SecretSharing;
import org.egovca.hsm.sharing.Share;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.PasswordHash;

/**
 * The transaction of an enrolment ceremony: a new random activation secret seals each token's PIN
 * and is split into one share per custodian, each sealed under that custodian's PIN; custodians
 * without an account get one (role KEY_CUSTODIAN only, no login certificate: a security
 * administrator gives them one under dual control if they are to use the console).
 */
@Stateless
public class CustodianEnrolment {

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CaToken cryptoToken;
  @Inject private CeremonyRecords records;
  @Inject private AuditLog auditLog;
  @Inject private Clock clock;

  /**
   * Enrols {@code custodians} as the holders of the PINs of the tokens of the set {@code token},
   * {@code threshold} of them needed together.
   *
   * @return the ceremony's record
   * @throws Refusal WRONG_STATE if the token's custodians are enrolled already; INVALID_INPUT if an
   *     existing account named is not an active key custodian
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long enrol(
      String token,
      List<CustodianPresence> custodians,
      int threshold,
      Map<String, char[]> tokenPins,
      CeremonySource source) {
    if (records.currentDistribution(token).isPresent()) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "the key custodians of token "
              + token
              + " are enrolled already; a new distribution needs three of them (re-sharing)");
    }
    List<String> usernames = custodians.stream().map(CustodianPresence::username).toList();
    List<Operator> accounts = new ArrayList<>();
    for (String username : usernames) {
      accounts.add(custodianAccount(username, source));
    }
    KeyCeremony ceremony =
        records.succeeded(
            CeremonyKind.ENROLMENT,
            token,
            source,
            usernames,
            threshold + " of " + usernames.size() + " shares");
    byte[] secret = SealedTokenPin.newSecret(RANDOM);
    try {
      distribute(token, custodians, accounts, threshold, tokenPins, ceremony, secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    return ceremony.getId();
  }

  /**
   * Replaces the current share distribution of {@code run}'s token, whose secret {@code quorum}
   * holds, with a new one among {@code newCustodians}: a new secret seals the tokens' PINs and the
   * backups' PINs, and the old distribution's sealed material is wiped (CPS §6.5.2.4: a custodian
   * who leaves takes nothing that still opens a token). A token that can change its PIN gets a new
   * random one sealed here, beside the one it has until it takes it ({@link
   * ShareDistribution#sealPreviousTokenPin}): the caller changes the token's PIN after this
   * commits, so that a copy of the old sealed material (a database backup) opens nothing either.
   *
   * @return the ceremony's record, the new distribution and the new PINs (the caller clears them)
   * @throws Refusal WRONG_STATE if the quorum's distribution is no longer the current one, or an
   *     earlier PIN change is not settled
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Reshared reshare(
      CeremonyRun run, List<CustodianPresence> newCustodians, CustodianQuorum.Quorum quorum) {
    ShareDistribution old = reshareable(records.distribution(quorum.distributionId()));
    List<String> usernames = newCustodians.stream().map(CustodianPresence::username).toList();
    List<Operator> accounts = new ArrayList<>();
    for (String username : usernames) {
      accounts.add(custodianAccount(username, run.source()));
    }
    KeyCeremony ceremony =
        records.succeeded(
            run,
            "new custodians "
                + String.join(",", usernames)
                + ", replaces distribution "
                + old.getId());
    Map<String, char[]> tokenPins = new LinkedHashMap<>();
    old.getSealedTokenPins().keySet().forEach(name -> tokenPins.put(name, quorum.tokenPin(name)));
    List<KeyBackup> backups =
        entityManager
            .createNamedQuery(KeyBackup.OF_DISTRIBUTION, KeyBackup.class)
            .setParameter("distribution", old)
            .getResultList();
    old.supersede(clock.instant());
    entityManager.flush();
    byte[] secret = SealedTokenPin.newSecret(RANDOM);
    Map<String, char[]> newPins = newPins(tokenPins.keySet());
    try {
      Map<String, char[]> sealedPins = new LinkedHashMap<>(tokenPins);
      sealedPins.putAll(newPins);
      ShareDistribution distribution =
          distribute(
              run.token(),
              newCustodians,
              accounts,
              old.getThreshold(),
              sealedPins,
              ceremony,
              secret);
      newPins
          .keySet()
          .forEach(
              name ->
                  distribution.sealPreviousTokenPin(
                      name, SealedTokenPin.seal(tokenPins.get(name), secret, name, RANDOM)));
      resealBackups(backups, distribution, quorum, secret);
      return new Reshared(ceremony.getId(), distribution.getId(), newPins);
    } catch (RuntimeException e) {
      newPins.values().forEach(pin -> Arrays.fill(pin, '\0'));
      throw e;
    } finally {
      Arrays.fill(secret, (byte) 0);
      tokenPins.values().forEach(pin -> Arrays.fill(pin, '\0'));
    }
  }

  private static ShareDistribution reshareable(ShareDistribution old) {
    if (old.getSupersededAt() != null) {
      throw new Refusal(
          RefusalCode.WRONG_STATE, "the custodians' shares were re-shared meanwhile; start again");
    }
    if (old.hasUnsettledPinChange()) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "a token's PIN change of the last re-sharing is not settled (the server stopped during"
              + " it): restart the CA and activate it, which settles it, then re-share");
    }
    return old;
  }

  /** A re-sharing that committed, and the new PINs its tokens are to take. */
  public record Reshared(long ceremonyId, long distributionId, Map<String, char[]> newPins) {}

  /** A new random PIN for each of {@code tokenNames} that can change its PIN now. */
  private Map<String, char[]> newPins(java.util.Set<String> tokenNames) {
    Map<String, char[]> pins = new LinkedHashMap<>();
    for (String name : tokenNames) {
      if (cryptoToken.canChangePin(name)) {
        pins.put(name, DataFiles.randomPassword());
      }
    }
    return pins;
  }

  /** Each usable backup's PIN sealed anew under the new secret; unusable ones keep nothing. */
  private static void resealBackups(
      List<KeyBackup> backups,
      ShareDistribution distribution,
      CustodianQuorum.Quorum quorum,
      byte[] secret) {
    for (KeyBackup backup : backups) {
      if (!backup.isUsable()) {
        backup.resealed(distribution, new byte[0]);
        continue;
      }
      String name = KeyBackup.sealingName(backup.getKeyAlias());
      char[] pin = SealedTokenPin.open(backup.getSealedPin(), quorum.secret(), name);
      try {
        backup.resealed(distribution, SealedTokenPin.seal(pin, secret, name, RANDOM));
      } finally {
        Arrays.fill(pin, '\0');
      }
    }
  }

  /**
   * A new distribution of {@code secret}: it seals each token's PIN, and is split into one share
   * per custodian, each sealed under that custodian's PIN.
   */
  private ShareDistribution distribute(
      String token,
      List<CustodianPresence> custodians,
      List<Operator> accounts,
      int threshold,
      Map<String, char[]> tokenPins,
      KeyCeremony ceremony,
      byte[] secret) {
    ShareDistribution distribution =
        new ShareDistribution(token, threshold, custodians.size(), ceremony, clock.instant());
    entityManager.persist(distribution);
    tokenPins.forEach(
        (tokenName, pin) ->
            distribution.sealTokenPin(
                tokenName, SealedTokenPin.seal(pin, secret, tokenName, RANDOM)));
    List<Share> shares = SecretSharing.split(secret, custodians.size(), threshold, RANDOM);
    for (int i = 0; i < shares.size(); i++) {
      CustodianPresence custodian = custodians.get(i);
      SealedShare.Binding binding =
          new SealedShare.Binding(token, Long.toString(distribution.getId()), custodian.username());
      distribution.addShare(
          accounts.get(i),
          shares.get(i).index(),
          SealedShare.seal(shares.get(i), custodian.pin(), binding, RANDOM));
    }
    return distribution;
  }

  /** The custodian's existing account, or a new one that holds only the key custodian role. */
  private Operator custodianAccount(String username, CeremonySource source) {
    if (records.operator(username).isPresent()) {
      return records.activeCustodian(username, clock.instant());
    }
    char[] unusable = DataFiles.randomPassword();
    String displayName =
        (source == CeremonySource.DEMO_START ? "Demo key custodian " : "Key custodian ") + username;
    Operator custodian =
        new Operator(
            username,
            displayName,
            null,
            EnumSet.of(OperatorRole.KEY_CUSTODIAN),
            null,
            PasswordHash.of(unusable),
            "ceremony",
            clock.instant());
    Arrays.fill(unusable, '\0');
    entityManager.persist(custodian);
    auditLog.success(
        "ceremony",
        AuditAction.OPERATOR_CREATED,
        "operator:" + username,
        "key custodian enrolled in a key ceremony (" + source + "); no login certificate");
    return custodian;
  }
}
