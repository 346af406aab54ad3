package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorSession;
import org.egovca.ra.domain.Permission;

/**
 * The first check of every console service method: which operator the session token belongs to, and
 * whether their roles grant the permission the method declares. A refusal is audited as denied
 * access (in its own transaction, since the caller's rolls back) and thrown as NOT_AUTHORIZED.
 */
@Stateless
public class ConsoleAccess {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;

  @Inject private Clock clock;

  /** The operator of an open session, refused unless their roles grant {@code permission}. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Operator require(String token, Permission permission, AuditAction action, String target) {
    Operator operator = openSession(token, action).getOperator();
    if (operator.isMustChangePassword()) {
      throw new Refusal(
          RefusalCode.NOT_AUTHORIZED,
          "password.mustChange",
          "choose your own password first: the one you logged in with was a one-time password");
    }
    if (!operator.has(permission)) {
      String detail =
          operator.getUsername()
              + " has the roles "
              + operator.getRoles()
              + "; "
              + action
              + " needs "
              + permission
              + ", which "
              + permission.grantedTo()
              + " grant";
      auditLog.refusal(
          "operator:" + operator.getUsername(), action, target, AuditOutcome.DENIED, detail);
      throw new Refusal(RefusalCode.NOT_AUTHORIZED, "access.denied", "not authorised: " + detail);
    }
    return operator;
  }

  /** The open session of {@code token}; a missing, ended or idle session is refused. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public OperatorSession openSession(String token, AuditAction action) {
    Instant now = clock.instant();
    OperatorSession session =
        token == null
            ? null
            : entityManager
                .createNamedQuery(OperatorSession.BY_TOKEN, OperatorSession.class)
                .setParameter("token", sha256(token))
                .getResultStream()
                .findFirst()
                .orElse(null);
    // a session whose login certificate was revoked, expired or replaced is over (its end was
    // recorded with the revocation)
    if (session == null
        || !session.isOpenAt(now)
        || !session.getOperator().isActive()
        || !loggedInWithCurrentCertificate(session, now)) {
      auditLog.refusal(
          session == null ? "anonymous" : "operator:" + session.getOperator().getUsername(),
          action,
          null,
          AuditOutcome.DENIED,
          "no open console session");
      throw new Refusal(
          RefusalCode.SESSION_ENDED,
          "session.ended",
          "the session has ended (logged out, or idle for more than "
              + OperatorSession.IDLE_TIMEOUT.toMinutes()
              + " minutes): log in again");
    }
    session.touch(now);
    return session;
  }

  /**
   * Whether the session's login certificate is still the operator's certificate and still usable.
   */
  private static boolean loggedInWithCurrentCertificate(OperatorSession session, Instant now) {
    IssuedCertificate certificate = session.getOperator().getCertificate();
    return certificate != null
        && certificate.isUsableAt(now)
        && certificate.getFingerprintSha256().equalsIgnoreCase(session.getCertificateFingerprint());
  }

  public static String actor(Operator operator) {
    return "operator:" + operator.getUsername();
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
