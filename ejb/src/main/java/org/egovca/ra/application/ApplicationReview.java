package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.application.CertificateProfileCatalogue;
import org.egovca.ca.application.CertificateRenewal;
import org.egovca.ca.application.CertificateRevoker;
import org.egovca.ca.application.DualCertificateView;
import org.egovca.ca.application.GeneratedKeys;
import org.egovca.ca.application.IssuanceRequest;
import org.egovca.ca.application.IssuedCertificates;
import org.egovca.ca.application.RequestedIdentifier;
import org.egovca.ca.application.VettedIssuance;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.IdentifierKind;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ca.x509.RenewalProof;
import org.egovca.ra.domain.Applicant;
import org.egovca.ra.domain.ApplicantNotice;
import org.egovca.ra.domain.Application;
import org.egovca.ra.domain.ApplicationAction;
import org.egovca.ra.domain.ApplicationKind;
import org.egovca.ra.domain.ApplicationState;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;
import org.egovca.ra.domain.RejectionReason;
import org.egovca.ra.domain.validation.RevocationConditionValidator;

/**
 * The decision half of the application workflow of CPS §6.1.4.1-6.1.4.3 and §7.1.3: a reviewer who
 * did not enter an application approves it, which issues, renews, re-keys or revokes in the same
 * transaction (generating the signing key pair first where the applicant asked for it in writing,
 * §6.1.4.10.1), or rejects it with one of the reasons of §6.1.4.2.2. Either way the applicant gets
 * a notice. A reviewer may also revoke a certificate by force (§6.1.4.8.2), a separately audited
 * action.
 */
@Stateless
public class ApplicationReview {

  @Inject private ConsoleAccess access;
  @Inject private Applications applications;
  @Inject private AuditLog auditLog;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private VettedIssuance vettedIssuance;
  @Inject private GeneratedKeys generatedKeys;
  @Inject private CertificateRenewal renewal;
  @Inject private CertificateRevoker revoker;
  @Inject private IssuedCertificates issuedCertificates;
  @Inject private ApplicantNotices notices;

  @Inject private Clock clock;

  /**
   * Approves an application and carries it out: the certificate(s) are issued, renewed, re-keyed or
   * revoked in this transaction, and the applicant's notice is queued with it.
   */
  public ApplicationDetail approve(String token, long applicationId, String note) {
    Operator reviewer =
        access.require(
            token,
            Permission.DECIDE_APPLICATION,
            AuditAction.APPLICATION_APPROVED,
            Application.reference(applicationId));
    Application application = decidable(reviewer, applicationId, AuditAction.APPLICATION_APPROVED);
    String checkedNote = FormText.lines("note", note, 1000, false);
    String actor = ConsoleAccess.actor(reviewer);
    Instant now = clock.instant();
    carriedOut(
        AuditAction.APPLICATION_APPROVED,
        application.reference(),
        actor,
        () -> {
          carryOut(application, actor);
          return null;
        });
    application.approve(reviewer.getUsername(), now, checkedNote);
    auditLog.success(
        actor,
        AuditAction.APPLICATION_APPROVED,
        application.reference(),
        application.getKind()
            + (application.getCertificate() == null
                ? ""
                : " serial=" + application.getCertificate().getSerialNumberHex()));
    notices.queue(
        application,
        application.getKind() == ApplicationKind.REVOKE
            ? ApplicantNotice.Kind.REVOCATION
            : ApplicantNotice.Kind.APPROVAL);
    return ApplicationDetail.of(application, now);
  }

  /** Rejects an application with one of the reasons of CPS §6.1.4.2.2; the applicant is told. */
  public ApplicationDetail reject(
      String token, long applicationId, RejectionReason reason, String note) {
    Operator reviewer =
        access.require(
            token,
            Permission.DECIDE_APPLICATION,
            AuditAction.APPLICATION_REJECTED,
            Application.reference(applicationId));
    Application application = decidable(reviewer, applicationId, AuditAction.APPLICATION_REJECTED);
    if (reason == null) {
      throw Refusal.invalid("reason", "field.required", "choose the reason of the rejection");
    }
    String checkedNote = FormText.lines("note", note, 1000, false);
    Instant now = clock.instant();
    application.reject(reason, checkedNote, reviewer.getUsername(), now);
    auditLog.success(
        ConsoleAccess.actor(reviewer),
        AuditAction.APPLICATION_REJECTED,
        application.reference(),
        reason + (checkedNote == null ? "" : ": " + checkedNote));
    notices.queue(application, ApplicantNotice.Kind.REJECTION);
    return ApplicationDetail.of(application, now);
  }

  /**
   * Revokes a certificate on the RA's own authority (CPS §6.1.4.8.2: forced revocation), with a
   * mandatory justification; audited as FORCED_REVOCATION, the holder is notified.
   */
  public CertificateSummary forceRevocation(
      String token, String serial, String reason, String note) {
    Operator reviewer =
        access.require(
            token, Permission.FORCE_REVOCATION, AuditAction.FORCED_REVOCATION, "serial=" + serial);
    String actor = ConsoleAccess.actor(reviewer);
    RevocationReason[] checkedReason = new RevocationReason[1];
    String[] checkedNote = new String[1];
    FormText.all(
        List.of(
            () -> checkedReason[0] = reason(reason),
            () -> checkedNote[0] = FormText.lines("note", note, 1000, true)));
    IssuedCertificate target =
        applications.holderCertificate(serial, actor, AuditAction.FORCED_REVOCATION);
    IssuedCertificate revoked =
        carriedOut(
            AuditAction.FORCED_REVOCATION,
            "serial=" + target.getSerialNumberHex(),
            actor,
            () ->
                revoker.revoke(
                    target.getSerialNumber(), checkedReason[0], RevocationInitiator.RA, actor));
    auditLog.success(
        actor,
        AuditAction.FORCED_REVOCATION,
        "serial=" + revoked.getSerialNumberHex(),
        checkedReason[0] + ": " + checkedNote[0]);
    Application origin = applications.originOf(revoked);
    if (origin != null) {
      origin.record(
          clock.instant(),
          reviewer.getUsername(),
          ApplicationAction.FORCED_REVOCATION,
          checkedNote[0]);
      notices.queue(origin, ApplicantNotice.Kind.REVOCATION);
    }
    return CertificateSummary.of(revoked);
  }

  private void carryOut(Application application, String actor) {
    switch (application.getKind()) {
      case ISSUE -> issue(application, actor);
      // the proof was fresh when the clerk entered the request; it must still be bound and signed
      case RENEW ->
          linkResult(
              application,
              renewal.renew(
                  application.getTargetCertificate().getSerialNumber(),
                  application.getPkcs10(),
                  storedProof(application),
                  actor));
      case REKEY ->
          linkResult(
              application,
              renewal.rekey(
                  application.getTargetCertificate().getSerialNumber(),
                  application.getPkcs10(),
                  storedProof(application),
                  actor));
      case REVOKE ->
          revoker.revoke(
              application.getTargetCertificate().getSerialNumber(),
              application.getRevocationReason(),
              application.getRevocationInitiator(),
              actor);
    }
  }

  private static RenewalProof storedProof(Application application) {
    return RenewalProof.parse(
        application.getRenewalProof(), application.getRenewalProofSignature());
  }

  private void issue(Application application, String actor) {
    CertificateProfile profile = profiles.require(application.getProfile());
    IssuanceRequest request =
        new IssuanceRequest(
            application.getProfile(),
            application.getSubjectDn(),
            application.getPkcs10(),
            identifiers(application.getApplicant(), profile),
            application.getSubjectAltNames(),
            application.getApplicationUnit() == null
                ? null
                : application.getApplicationUnit().getCode(),
            application.isDirectoryConsent());
    if (application.getKeyGeneration().isRequested()) {
      VettedIssuance.Issued issued =
          vettedIssuance.issueWithGeneratedKey(
              request,
              application.getKeyGeneration().getAlgorithm(),
              application.isDualCertificate(),
              actor);
      application.certificatesIssued(issued.certificate(), issued.encryption(), issued.envelope());
      application.keyGenerated(generatedKeys.of(issued.certificate()).orElseThrow());
    } else if (application.isDualCertificate()) {
      VettedIssuance.Issued issued = vettedIssuance.issueDual(request, actor, null);
      application.certificatesIssued(issued.certificate(), issued.encryption(), issued.envelope());
    } else {
      IssuedCertificate certificate = vettedIssuance.issue(request, actor, null);
      application.certificatesIssued(certificate, null, null);
    }
  }

  private void linkResult(Application application, DualCertificateView result) {
    IssuedCertificate signing =
        issuedCertificates.find(
            new BigInteger(result.signatureCertificate().serialNumberHex(), 16));
    IssuedCertificate encryption =
        result.encryptionCertificate() == null
            ? null
            : issuedCertificates.find(
                new BigInteger(result.encryptionCertificate().serialNumberHex(), 16));
    application.certificatesIssued(signing, encryption, result.envelopedPrivateKey());
  }

  /**
   * The identifiers the profile writes into the GM/T 0015 identity extensions. A 2012 profile has
   * no place for the unified social credit code; its characters 9 to 17 are the organisation code
   * (GB 32100), which it has.
   */
  static List<RequestedIdentifier> identifiers(Applicant applicant, CertificateProfile profile) {
    List<RequestedIdentifier> identifiers = new ArrayList<>();
    if (applicant.getIdDocumentType() != null
        && profile
            .identity()
            .allowed()
            .contains(IdentifierKind.valueOf(applicant.getIdDocumentType()))) {
      identifiers.add(
          new RequestedIdentifier(applicant.getIdDocumentType(), applicant.getIdDocumentNumber()));
    }
    String code = applicant.getOrganisationCode();
    if (code != null) {
      if (code.length() == 18
          && profile.identity().allowed().contains(IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE)) {
        identifiers.add(
            new RequestedIdentifier(IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE.name(), code));
      } else if (profile.identity().allowed().contains(IdentifierKind.ORGANISATION_CODE)) {
        identifiers.add(
            new RequestedIdentifier(
                IdentifierKind.ORGANISATION_CODE.name(),
                code.length() == 18 ? code.substring(8, 17) : code));
      }
    }
    return identifiers;
  }

  /**
   * Runs the lifecycle work of a decision; a refusal by the CA core is audited as a failure of
   * {@code action} on {@code target} (the application, or the certificate revoked by force) and
   * shown to the reviewer in its own words.
   */
  private <T> T carriedOut(AuditAction action, String target, String actor, Supplier<T> work) {
    try {
      return work.get();
    } catch (Refusal refused) {
      auditLog.refusal(actor, action, target, AuditOutcome.FAILURE, refused.getMessage());
      throw refused;
    }
  }

  /** The application, if the reviewer may decide it: waiting, and not entered by the reviewer. */
  private Application decidable(Operator reviewer, long applicationId, AuditAction action) {
    Application application = applications.find(applicationId);
    if (application.getEnteredBy().equals(reviewer.getUsername())) {
      String detail =
          reviewer.getUsername()
              + " entered application "
              + application.reference()
              + " and cannot decide it: the entry clerk and the reviewer must be different"
              + " people (CPS 7.5.1.2)";
      auditLog.refusal(
          ConsoleAccess.actor(reviewer),
          action,
          application.reference(),
          AuditOutcome.DENIED,
          detail);
      throw new Refusal(RefusalCode.SEPARATION_OF_DUTIES, "separation.ownApplication", detail);
    }
    if (application.getState() != ApplicationState.SUBMITTED) {
      throw Applications.wrongState(application);
    }
    return application;
  }

  /** A revocation condition A to J of CPS §6.1.4.8.1. */
  private static RevocationReason reason(String value) {
    return RevocationConditionValidator.condition(
            FormText.text("revocationReason", value, 32, true))
        .orElseThrow(
            () ->
                Refusal.invalid(
                    "revocationReason",
                    "change.reason",
                    "choose a revocation condition A to J of CPS 6.1.4.8.1"));
  }
}
