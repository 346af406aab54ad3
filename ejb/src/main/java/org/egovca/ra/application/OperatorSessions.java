package org.egovca.ra.application;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.application.CertificateRevoked;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorSession;
import org.egovca.ra.domain.PasswordHash;
import org.egovca.ra.domain.PasswordPolicy;
import org.egovca.ra.domain.PasswordRule;

/**
 * Two-factor operator login (CPS §6.5.2.5, R16): the TLS client certificate the browser presented
 * and the password must both belong to one active, unlocked operator account. Five wrong passwords
 * in a row, given with the account's own certificate, lock the account for 15 minutes. Every login,
 * failure, lockout, password change and logout is audited.
 */
@Stateless
public class OperatorSessions {

  /** A failed login; not rolled back, so the failure count and its audit event are kept. */
  @ApplicationException(rollback = false)
  public static class LoginRefused extends Refusal {
    private static final long serialVersionUID = 1L;

    LoginRefused(String key, String message) {
      super(RefusalCode.LOGIN_FAILED, key, message);
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Hashed when the user name is unknown, so that timing does not tell which names exist. */
  private static final String DUMMY_HASH = PasswordHash.of("not-a-password-1".toCharArray());

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;
  @Inject private ConsoleAccess access;

  @Inject private Clock clock;

  /**
   * Opens a session for the operator {@code username} if {@code clientCertificate} (DER, from the
   * TLS handshake) is the certificate bound to their account and {@code password} is theirs.
   */
  public LoginResult login(
      byte[] clientCertificate, String username, char[] password, String remoteAddress) {
    try {
      Instant now = clock.instant();
      String who = username == null ? "" : username.strip();
      if (clientCertificate == null || clientCertificate.length == 0) {
        throw refused(
            who,
            remoteAddress,
            "no client certificate",
            "login.noCertificate",
            "no client certificate was presented: install your operator certificate in the browser"
                + " and reconnect");
      }
      Operator operator = openableAccount(who, password, remoteAddress, now);
      String fingerprint = ConsoleAccess.sha256(clientCertificate);
      requireBothFactors(operator, fingerprint, password, remoteAddress, now);
      operator.recordSuccessfulLogin();
      String token = newToken();
      entityManager.persist(
          new OperatorSession(
              ConsoleAccess.sha256(token), operator, fingerprint, remoteAddress, now));
      auditLog.success(
          "operator:" + who, AuditAction.OPERATOR_LOGIN, "operator:" + who, from(remoteAddress));
      return new LoginResult(token, OperatorView.of(operator, now));
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  /**
   * The active, unlocked account {@code who}, its row locked until the login's transaction ends:
   * parallel guesses wait for each other, so each one is counted (CPS §6.5.2.5).
   */
  private Operator openableAccount(String who, char[] password, String remoteAddress, Instant now) {
    Operator operator =
        entityManager
            .createNamedQuery(Operator.BY_USERNAME, Operator.class)
            .setParameter("username", who)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (operator == null) {
      PasswordHash.matches(password, DUMMY_HASH);
      throw refused(who, remoteAddress, "unknown user name", "login.failed", failedMessage());
    }
    if (!operator.isActive()) {
      throw refused(who, remoteAddress, "account deactivated", "login.failed", failedMessage());
    }
    if (operator.isLockedAt(now)) {
      throw refused(
          who,
          remoteAddress,
          "account locked until " + operator.getLockedUntil(),
          "login.locked",
          "the account is locked after repeated failed logins; try again after "
              + operator.getLockedUntil()
              + " (UTC) or ask the security administrator to unlock it");
    }
    return operator;
  }

  /**
   * Refuses the login unless {@code fingerprint} is the operator's usable login certificate and
   * {@code password} theirs; a wrong password with the right certificate counts towards the
   * lockout.
   */
  private void requireBothFactors(
      Operator operator, String fingerprint, char[] password, String remoteAddress, Instant now) {
    String who = operator.getUsername();
    boolean certificateMatches =
        operator.getCertificate() != null
            && operator.getCertificate().getFingerprintSha256().equalsIgnoreCase(fingerprint)
            && operator.getCertificate().isUsableAt(now);
    boolean passwordMatches = PasswordHash.matches(password, operator.getPasswordHash());
    if (!certificateMatches) {
      // not counted: whoever holds some other trusted certificate must not be able to lock
      // the account's owner out
      throw refused(
          who,
          remoteAddress,
          "the client certificate is not the one bound to this account (or is no longer valid)",
          "login.failed",
          failedMessage());
    }
    if (!passwordMatches) {
      boolean locked = operator.recordFailedLogin(now);
      String why = "wrong password";
      if (locked) {
        auditLog.success(
            "system",
            AuditAction.OPERATOR_LOCKED,
            "operator:" + who,
            Operator.MAX_FAILED_LOGINS
                + " failed logins in a row; locked until "
                + operator.getLockedUntil());
      }
      throw refused(who, remoteAddress, why, "login.failed", failedMessage());
    }
  }

  /**
   * The operator of an open session, checked against the client certificate of the current request:
   * a session cannot move to another certificate.
   */
  public OperatorView resume(String token, byte[] clientCertificate) {
    OperatorSession session = access.openSession(token, AuditAction.OPERATOR_SESSION_RESUMED);
    String presented = clientCertificate == null ? "" : ConsoleAccess.sha256(clientCertificate);
    if (!session.getCertificateFingerprint().equalsIgnoreCase(presented)) {
      session.end(clock.instant());
      auditLog.success(
          "operator:" + session.getOperator().getUsername(),
          AuditAction.OPERATOR_LOGOUT,
          "operator:" + session.getOperator().getUsername(),
          "session ended: a request came with another client certificate");
      return null;
    }
    return OperatorView.of(session.getOperator(), clock.instant());
  }

  /**
   * Ends, in the revoking transaction, every session opened with a login certificate that is being
   * revoked: the operator is out at once, not at their session's next timeout.
   */
  public void onRevoked(@Observes CertificateRevoked event) {
    IssuedCertificate certificate =
        entityManager.find(IssuedCertificate.class, event.certificateId());
    Instant now = clock.instant();
    for (OperatorSession session :
        entityManager
            .createNamedQuery(OperatorSession.NOT_ENDED_FOR_CERTIFICATE, OperatorSession.class)
            .setParameter("fingerprint", certificate.getFingerprintSha256())
            .getResultList()) {
      session.end(now);
      String who = "operator:" + session.getOperator().getUsername();
      auditLog.success(
          who,
          AuditAction.OPERATOR_LOGOUT,
          who,
          "session ended: its login certificate "
              + certificate.getSerialNumberHex()
              + " was revoked");
    }
  }

  public void logout(String token) {
    OperatorSession session = access.openSession(token, AuditAction.OPERATOR_LOGOUT);
    session.end(clock.instant());
    String who = "operator:" + session.getOperator().getUsername();
    auditLog.success(who, AuditAction.OPERATOR_LOGOUT, who, "logged out");
  }

  /**
   * Replaces the operator's password after checking the current one and the rules of CPS §6.5.2.4;
   * every broken rule is named.
   */
  public OperatorView changePassword(String token, char[] currentPassword, char[] newPassword) {
    try {
      Operator operator =
          access.openSession(token, AuditAction.OPERATOR_PASSWORD_CHANGED).getOperator();
      if (!PasswordHash.matches(currentPassword, operator.getPasswordHash())) {
        throw Refusal.invalid(
            "currentPassword", "password.currentWrong", "the current password is wrong");
      }
      requireAcceptable(newPassword, operator.getUsername(), operator.getDisplayName());
      if (Arrays.equals(currentPassword, newPassword)) {
        throw Refusal.invalid(
            "newPassword", "password.unchanged", "the new password must differ from the current");
      }
      operator.changePassword(PasswordHash.of(newPassword), clock.instant());
      String who = "operator:" + operator.getUsername();
      auditLog.success(who, AuditAction.OPERATOR_PASSWORD_CHANGED, who, null);
      return OperatorView.of(operator, clock.instant());
    } finally {
      wipe(currentPassword);
      wipe(newPassword);
    }
  }

  /** Refuses {@code password} with one problem per rule of CPS §6.5.2.4 it breaks. */
  static void requireAcceptable(char[] password, String username, String displayName) {
    List<PasswordRule> broken =
        PasswordPolicy.violations(new String(password), username, displayName);
    if (!broken.isEmpty()) {
      List<Refusal.Problem> problems = new ArrayList<>();
      for (PasswordRule rule : broken) {
        problems.add(
            new Refusal.Problem(
                "newPassword",
                "password." + rule.name(),
                "the password breaks rule " + rule + ": it must have " + rule.requirement()));
      }
      throw new Refusal(RefusalCode.INVALID_INPUT, problems);
    }
  }

  private LoginRefused refused(
      String username, String remoteAddress, String why, String key, String message) {
    auditLog.refusal(
        "operator:" + username,
        AuditAction.OPERATOR_LOGIN,
        "operator:" + username,
        AuditOutcome.FAILURE,
        why + from(remoteAddress));
    return new LoginRefused(key, message);
  }

  private static String failedMessage() {
    return "the user name, password and client certificate do not match an operator account";
  }

  private static String from(String remoteAddress) {
    return remoteAddress == null ? "" : " from " + remoteAddress;
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void wipe(char[] secret) {
    if (secret != null) {
      Arrays.fill(secret, '\0');
    }
  }
}
