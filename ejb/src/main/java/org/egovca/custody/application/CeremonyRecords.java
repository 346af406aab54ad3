package org.egovca.custody.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.custody.domain.CeremonyKind;
import org.egovca.custody.domain.CeremonySource;
import org.egovca.custody.domain.KeyBackup;
import org.egovca.custody.domain.KeyCeremony;
import org.egovca.custody.domain.ShareDistribution;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;

/**
 * The transactions of the key ceremonies: reading what a ceremony needs, and recording how it ended
 * together with its audit event. A failed ceremony is recorded in a transaction of its own, so that
 * the record survives the refusal.
 */
@Stateless
public class CeremonyRecords {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;
  @Inject private Clock clock;

  /** The current share distribution of {@code token}, if its custodians are enrolled. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Optional<ShareDistribution> currentDistribution(String token) {
    return entityManager
        .createNamedQuery(ShareDistribution.CURRENT, ShareDistribution.class)
        .setParameter("token", token)
        .getResultStream()
        .findFirst();
  }

  /**
   * The sealed shares of the custodians present at an activation of {@code token}.
   *
   * @throws Refusal WRONG_STATE if the token has no enrolled custodians; INVALID_INPUT if fewer
   *     custodians than the threshold are present, or one is not (or no longer) a custodian holding
   *     a share, or is locked after wrong PINs
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ActivationShares sharesFor(String token, List<String> usernames) {
    ShareDistribution distribution =
        currentDistribution(token)
            .orElseThrow(
                () ->
                    new Refusal(
                        RefusalCode.WRONG_STATE,
                        "token "
                            + token
                            + " has no enrolled key custodians; enrol them first (ear/bin/egovca"
                            + " ceremony enrol)"));
    if (usernames.size() < distribution.getThreshold()) {
      throw Refusal.invalid(
          null,
          null,
          "only "
              + usernames.size()
              + " key custodian(s) present; "
              + distribution.getThreshold()
              + " different custodians are needed for a ceremony of token "
              + token);
    }
    Instant now = clock.instant();
    Map<String, byte[]> sealed = new LinkedHashMap<>();
    for (String username : usernames) {
      Operator custodian = activeCustodian(username, now);
      byte[] share =
          distribution
              .shareOf(custodian.getUsername())
              .orElseThrow(
                  () ->
                      Refusal.invalid(
                          null,
                          null,
                          username + " holds no share of token " + token + "'s activation secret"))
              .getSealedShare();
      sealed.put(username, share);
    }
    return new ActivationShares(
        distribution.getId(),
        distribution.getThreshold(),
        distribution.getSealedTokenPins(),
        distribution.getPreviousTokenPins(),
        sealed);
  }

  /** Records a ceremony that succeeded, with its audit event, in the caller's transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public KeyCeremony succeeded(
      CeremonyKind kind,
      String token,
      CeremonySource source,
      List<String> usernames,
      String detail) {
    return record(kind, token, source, null, usernames, detail);
  }

  /**
   * Records {@code run} as succeeded, with its host if it had one, and its audit event, in the
   * caller's transaction.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public KeyCeremony succeeded(CeremonyRun run, String detail) {
    return record(run.kind(), run.token(), run.source(), run.host(), run.usernames(), detail);
  }

  private KeyCeremony record(
      CeremonyKind kind,
      String token,
      CeremonySource source,
      String host,
      List<String> usernames,
      String detail) {
    KeyCeremony ceremony =
        KeyCeremony.succeeded(kind, token, source, usernames, clock.instant()).hostedBy(host);
    entityManager.persist(ceremony);
    auditLog.success(
        actor(usernames),
        action(kind),
        "token:" + token,
        "ceremony="
            + ceremony.getId()
            + ", "
            + origin(source, host)
            + (detail == null ? "" : ", " + detail));
    return ceremony;
  }

  /**
   * Records a ceremony held for the key {@code keyAlias} (or none), with its audit event, then does
   * what it was held for in the same transaction once the record is written: an action that fails
   * leaves no record of success (the ceremony is then recorded as failed), and a record that cannot
   * be written leaves the action undone.
   *
   * @return the ceremony's record id
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long heldFor(
      CeremonyRun run, String keyAlias, String detail, Consumer<KeyCeremony> action) {
    for (String username : run.usernames()) {
      operator(username).ifPresent(Operator::recordSuccessfulLogin);
    }
    KeyCeremony ceremony =
        succeeded(run, (keyAlias == null ? "" : "key=" + keyAlias + ", ") + detail);
    ceremony.concerning(keyAlias);
    entityManager.flush();
    action.accept(ceremony);
    return ceremony.getId();
  }

  /** Every backup of the key {@code keyAlias}, newest first, in the caller's transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public List<KeyBackup> backups(String keyAlias) {
    return entityManager
        .createNamedQuery(KeyBackup.OF_KEY, KeyBackup.class)
        .setParameter("alias", keyAlias)
        .getResultList();
  }

  /** Where the backups of the key {@code keyAlias} are. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public List<String> backupLocations(String keyAlias) {
    return backups(keyAlias).stream().map(KeyBackup::getLocation).toList();
  }

  /** The newest backup of the key {@code keyAlias}, if one was made. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Optional<KeyBackup> newestBackup(String keyAlias) {
    return entityManager
        .createNamedQuery(KeyBackup.OF_KEY, KeyBackup.class)
        .setParameter("alias", keyAlias)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The share distribution {@code id}, in the caller's transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public ShareDistribution distribution(long id) {
    return entityManager.find(ShareDistribution.class, id);
  }

  /** Records a successful activation, and that its custodians' PINs were right. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long activated(CeremonyRun run, long distribution) {
    for (String username : run.usernames()) {
      operator(username).ifPresent(Operator::recordSuccessfulLogin);
    }
    return succeeded(run, "distribution=" + distribution).getId();
  }

  /**
   * Ends a PIN change of the token {@code tokenName} in share distribution {@code distributionId}
   * ({@link ShareDistribution#settlePinChange}), in a transaction of its own.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void settlePinChange(long distributionId, String tokenName) {
    entityManager
        .find(
            ShareDistribution.class,
            distributionId,
            jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .settlePinChange(tokenName);
  }

  /**
   * Records a ceremony that failed, with its audit event; a wrong PIN counts against its custodian
   * as a failed login does, so that guessing locks the account.
   *
   * @param wrongPin the custodian whose PIN was wrong, or null
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failed(CeremonyRun run, String failure, String wrongPin) {
    Instant now = clock.instant();
    List<String> known =
        run.usernames().stream().map(name -> operator(name).isPresent() ? name : "?").toList();
    KeyCeremony ceremony =
        KeyCeremony.failed(run.kind(), run.token(), run.source(), known, now, failure)
            .concerning(run.keyAlias())
            .hostedBy(run.host());
    entityManager.persist(ceremony);
    boolean locked =
        wrongPin != null && operator(wrongPin).map(o -> o.recordFailedLogin(now)).orElse(false);
    auditLog.refusal(
        actor(known),
        action(run.kind()),
        "token:" + run.token(),
        AuditOutcome.DENIED,
        "ceremony="
            + ceremony.getId()
            + ", "
            + origin(run.source(), run.host())
            + ": "
            + failure
            + (locked ? "; " + wrongPin + " is locked after repeated wrong PINs" : ""));
  }

  /**
   * Requires each of {@code usernames} to be an existing, active key custodian's account.
   *
   * @throws Refusal INVALID_INPUT naming the first that is not
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void requireActiveCustodians(List<String> usernames) {
    Instant now = clock.instant();
    for (String username : usernames) {
      if (operator(username).isEmpty()) {
        throw Refusal.invalid(
            null,
            null,
            username
                + " has no operator account: security administrators create a new key"
                + " custodian's account before a re-sharing");
      }
      activeCustodian(username, now);
    }
  }

  /** An active operator whose one role is KEY_CUSTODIAN and who is not locked. */
  public Operator activeCustodian(String username, Instant now) {
    Optional<Operator> account = operator(username);
    if (account.isEmpty()) {
      // never echoed: what was typed as a username may have been a PIN
      throw Refusal.invalid(null, null, "a name given is no operator's username");
    }
    Operator custodian =
        account
            .filter(Operator::isActive)
            .filter(o -> o.getRoles().equals(java.util.EnumSet.of(OperatorRole.KEY_CUSTODIAN)))
            .orElseThrow(
                () -> Refusal.invalid(null, null, username + " is not an active key custodian"));
    if (custodian.isLockedAt(now)) {
      throw Refusal.invalid(
          null,
          null,
          "key custodian " + username + " is locked after repeated wrong PINs; try again later");
    }
    return custodian;
  }

  /** The operator account named {@code username}, if there is one. */
  public Optional<Operator> operator(String username) {
    return entityManager
        .createNamedQuery(Operator.BY_USERNAME, Operator.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public static String actor(List<String> usernames) {
    return "custodians:" + String.join(",", usernames);
  }

  /**
   * Where the ceremony was held, for its audit event: "CONSOLE hosted by admin", "COMMAND_LINE".
   */
  static String origin(CeremonySource source, String host) {
    return host == null ? source.name() : source + " hosted by " + host;
  }

  private static AuditAction action(CeremonyKind kind) {
    return switch (kind) {
      case ENROLMENT -> AuditAction.KEY_CUSTODIANS_ENROLLED;
      case ACTIVATION -> AuditAction.TOKEN_ACTIVATED;
      case BACKUP -> AuditAction.KEY_BACKED_UP;
      case RESTORE -> AuditAction.KEY_RESTORED;
      case DESTRUCTION -> AuditAction.KEY_DESTROYED;
      case RESHARING -> AuditAction.CUSTODIANS_RESHARED;
      case CA_REVOCATION -> AuditAction.CA_REVOCATION_CEREMONY;
      case CA_KEY_ROLLOVER -> AuditAction.CA_KEY_ROLLOVER_CEREMONY;
    };
  }
}
