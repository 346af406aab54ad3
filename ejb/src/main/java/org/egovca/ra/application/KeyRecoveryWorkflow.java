package org.egovca.ra.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.application.EncryptionKeyRecovery;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.SerialNumbers;
import org.egovca.ra.domain.DualControlViolation;
import org.egovca.ra.domain.KeyRecovery;
import org.egovca.ra.domain.KeyRecoveryKind;
import org.egovca.ra.domain.Operator;

/**
 * The steps both kinds of key recovery share, in the caller's transaction: recording a request,
 * approving it (and, with the last approval its kind needs, having the KMC make the envelope),
 * rejecting it, and collecting the envelope. Every step is audited, a refused one as denied (one
 * operator in two parts) or failed (anything else), in its own transaction.
 */
@Dependent
class KeyRecoveryWorkflow {

  /** What an operator may write in a note (the columns hold 1,024). */
  static final int MAX_NOTE = 1000;

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private AuditLog auditLog;
  @Inject private EncryptionKeyRecovery recovery;
  @Inject private Clock clock;

  Instant now() {
    return clock.instant();
  }

  /** The encryption certificate a request names, checked by the CA. */
  IssuedCertificate encryptionCertificate(String serial) {
    return recovery.encryptionCertificate(serial("encryptionCertificate", serial));
  }

  /** The holder's current signing certificate a holder's request names, checked by the CA. */
  IssuedCertificate currentSigningCertificate(String serial, IssuedCertificate encryption) {
    return recovery.currentSigningCertificate(
        serial("signingCertificate", serial), encryption, clock.instant());
  }

  /** The designated recipient certificate of a judicial request (PEM), checked by the CA. */
  X509CertificateHolder recipientCertificate(String pem) {
    return recovery.recipientCertificate(pem, clock.instant());
  }

  static byte[] encoded(X509CertificateHolder certificate) {
    try {
      return certificate.getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a parsed certificate cannot be encoded", e);
    }
  }

  static BigInteger serial(String field, String serial) {
    BigInteger parsed = SerialNumbers.parse(FormText.text(field, serial, 64, true));
    if (parsed == null) {
      throw Refusal.invalid(
          field, "certificate.serial", "give the certificate's serial number in hexadecimal");
    }
    return parsed;
  }

  /** Records a new request, audited as asked for by {@code requester}. */
  KeyRecoveryView record(KeyRecovery request, Operator requester) {
    entityManager.persist(request);
    entityManager.flush();
    auditLog.success(
        ConsoleAccess.actor(requester),
        AuditAction.KEY_RECOVERY_REQUESTED,
        request.reference(),
        describe(request) + (request.getNote() == null ? "" : "; note: " + request.getNote()));
    return KeyRecoveryView.of(request);
  }

  /**
   * Approves recovery {@code id} of {@code kind} as {@code approver}; with the last approval its
   * kind needs, the KMC envelopes the key for the recipient certificate now.
   */
  KeyRecoveryView approve(Operator approver, long id, KeyRecoveryKind kind, String note) {
    String actor = ConsoleAccess.actor(approver);
    String checkedNote = FormText.lines("note", note, MAX_NOTE, false);
    KeyRecovery request = open(id, kind);
    requireRequesterStillEntitled(request, actor);
    Instant now = clock.instant();
    boolean complete =
        audited(
            actor,
            AuditAction.KEY_RECOVERY_APPROVED,
            request.reference(),
            () -> request.approve(approver, now));
    auditLog.success(
        actor,
        AuditAction.KEY_RECOVERY_APPROVED,
        request.reference(),
        "approval "
            + request.approvals()
            + " of "
            + kind.approvalsNeeded()
            + ": "
            + describe(request)
            + (checkedNote == null ? "" : "; note: " + checkedNote));
    if (complete) {
      carryOut(request, actor, now);
    }
    return KeyRecoveryView.of(request);
  }

  /**
   * Has the KMC envelope the key. A refusal (a certificate revoked meanwhile, the KMC unreachable)
   * rolls the approval back with it: the request waits, to be approved again or rejected.
   */
  private void carryOut(KeyRecovery request, String actor, Instant now) {
    byte[] envelope =
        audited(
            actor,
            AuditAction.ENCRYPTION_KEY_RECOVERED,
            request.reference(),
            () -> {
              if (request.getKind() == KeyRecoveryKind.HOLDER) {
                // the holder may have lost or revoked the signing key while the request waited
                recovery.currentSigningCertificate(
                    request.getSigningCertificate().getSerialNumber(),
                    request.getEncryptionCertificate(),
                    now);
              }
              return recovery.recover(
                  request.getEncryptionCertificate(), request.getRecipientCertificate());
            });
    request.recovered(envelope, now);
    auditLog.success(
        actor,
        AuditAction.ENCRYPTION_KEY_RECOVERED,
        request.reference(),
        describe(request)
            + "; approved by "
            + KeyRecoveryView.of(request).approvedBy()
            + "; enveloped for the key of "
            + request.getRecipientSubject());
  }

  KeyRecoveryView reject(Operator approver, long id, KeyRecoveryKind kind, String note) {
    String actor = ConsoleAccess.actor(approver);
    String checkedNote = FormText.lines("note", note, MAX_NOTE, true);
    KeyRecovery request = open(id, kind);
    audited(
        actor,
        AuditAction.KEY_RECOVERY_REJECTED,
        request.reference(),
        () -> {
          request.reject(approver, clock.instant(), checkedNote);
          return null;
        });
    auditLog.success(
        actor,
        AuditAction.KEY_RECOVERY_REJECTED,
        request.reference(),
        describe(request) + "; " + checkedNote);
    return KeyRecoveryView.of(request);
  }

  /** The envelope of a carried-out recovery, for its hand-over; each download is audited. */
  byte[] envelope(Operator collector, long id, KeyRecoveryKind kind) {
    KeyRecovery request = existing(id, kind);
    if (request.getState() != KeyRecovery.State.RECOVERED) {
      throw new Refusal(
          RefusalCode.WRONG_STATE,
          "keyRecovery.notRecovered",
          request.reference() + " is " + request.getState() + ": there is no envelope");
    }
    auditLog.success(
        ConsoleAccess.actor(collector),
        AuditAction.RECOVERED_KEY_COLLECTED,
        request.reference(),
        "the envelope for the key of " + request.getRecipientSubject());
    return request.getEnvelopedKey();
  }

  /**
   * Runs a step; a refusal is audited as a denial of {@code action} (one operator in two parts) or
   * its failure, and rethrown.
   */
  <T> T audited(String actor, AuditAction action, String target, Supplier<T> step) {
    try {
      return step.get();
    } catch (Refusal refused) {
      auditLog.refusal(
          actor,
          action,
          target,
          refused.code() == RefusalCode.SEPARATION_OF_DUTIES
              ? AuditOutcome.DENIED
              : AuditOutcome.FAILURE,
          refused.getMessage());
      throw refused;
    }
  }

  /** The operator who asked may meanwhile have lost the right to (deactivated, another role). */
  private void requireRequesterStillEntitled(KeyRecovery request, String actor) {
    Operator requester = request.getRequestedBy();
    if (!requester.isActive() || !requester.has(request.getKind().requestPermission())) {
      String detail =
          requester.getUsername()
              + ", who asked for "
              + request.reference()
              + ", may no longer ask for it (deactivated, or given another role): reject it";
      auditLog.refusal(
          actor,
          AuditAction.KEY_RECOVERY_APPROVED,
          request.reference(),
          AuditOutcome.DENIED,
          detail);
      throw new DualControlViolation(detail);
    }
  }

  private KeyRecovery open(long id, KeyRecoveryKind kind) {
    KeyRecovery request = existing(id, kind);
    // two approvers racing: the row lock lets one approve first, the other then sees it
    entityManager.lock(request, LockModeType.PESSIMISTIC_WRITE);
    entityManager.refresh(request);
    return request;
  }

  private KeyRecovery existing(long id, KeyRecoveryKind kind) {
    KeyRecovery request = entityManager.find(KeyRecovery.class, id);
    if (request == null || request.getKind() != kind) {
      throw new Refusal(
          RefusalCode.NOT_FOUND,
          "keyRecovery.notFound",
          "there is no " + kind.name().toLowerCase(java.util.Locale.ROOT) + " key recovery " + id);
    }
    return request;
  }

  /** The recovery in words, for the audit log. */
  private static String describe(KeyRecovery request) {
    return request.getKind()
        + " recovery of the key of encryption certificate "
        + request.getEncryptionCertificate().getSerialNumberHex()
        + " ("
        + request.getEncryptionCertificate().getSubjectDn()
        + ") for "
        + request.getRecipientSubject()
        + (request.getKind() == KeyRecoveryKind.JUDICIAL
            ? "; requested by "
                + request.getRequestingAuthority()
                + "; legal basis: "
                + request.getLegalBasis()
            : "");
  }
}
