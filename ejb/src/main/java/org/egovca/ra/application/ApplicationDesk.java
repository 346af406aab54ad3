package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.application.CertificateProfileCatalogue;
import org.egovca.ca.application.CertificateRenewal;
import org.egovca.ca.application.CertificateRevoker;
import org.egovca.ca.application.IssuedCertificates;
import org.egovca.ca.application.RenewalProofs;
import org.egovca.ca.application.VettedIssuance;
import org.egovca.ca.domain.AltNameType;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.KeyPurpose;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.x509.RenewalProof;
import org.egovca.ra.domain.Application;
import org.egovca.ra.domain.ApplicationKind;
import org.egovca.ra.domain.ApplicationState;
import org.egovca.ra.domain.DocumentKind;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.Permission;

/**
 * The entry half of the application workflow of CPS §6.1.4.1-6.1.4.3 and §7.1.3: an entry clerk
 * enters a complete application for a new certificate, or a renewal, re-key or revocation
 * application for an existing one, with its scanned documents. A reviewer who did not enter it
 * decides it in {@link ApplicationReview}.
 */
@Stateless
public class ApplicationDesk {

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private ConsoleAccess access;
  @Inject private Applications applications;
  @Inject private AuditLog auditLog;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private VettedIssuance vettedIssuance;
  @Inject private CertificateRenewal renewal;
  @Inject private RenewalProofs renewalProofs;
  @Inject private CertificateRevoker revoker;
  @Inject private IssuedCertificates issuedCertificates;
  @Inject private ApplicantNotices notices;

  @Inject private Clock clock;

  /** The profiles an entry clerk can apply for: the signing profiles open to an RA. */
  public List<ProfileChoice> profiles(String token) {
    access.require(token, Permission.ENTER_APPLICATION, AuditAction.PROFILES_LISTED, null);
    return profiles.latestVersions().stream()
        .filter(p -> p.remoteRa() && p.purpose() == KeyPurpose.SIGNING)
        .map(
            p ->
                new ProfileChoice(
                    p.name(),
                    p.type(),
                    p.encryptionCounterpart().isPresent(),
                    p.keyAlgorithms().stream().map(Enum::name).sorted().toList(),
                    p.altNames().allowed().contains(AltNameType.DNS)))
        .toList();
  }

  public List<ApplicationUnitView> units(String token) {
    access.require(token, Permission.ENTER_APPLICATION, AuditAction.APPLICATION_UNITS_LISTED, null);
    return OperatorAdministration.allUnits(entityManager);
  }

  /** Enters a complete application for a new certificate; returns its id. */
  public long submit(String token, ApplicationForm form, List<DocumentUpload> documents) {
    Operator clerk =
        access.require(
            token, Permission.ENTER_APPLICATION, AuditAction.APPLICATION_SUBMITTED, null);
    List<DocumentUpload> uploads = ApplicationDocuments.orEmpty(documents);
    NewCertificateEntry entry = NewCertificateEntry.check(form, this::profile, this::unit);
    FormText.all(
        List.of(
            () ->
                ApplicationDocuments.requireAll(
                    ApplicationDocuments.required(
                        entry.profile().type(),
                        entry.applicant().hasAgent(),
                        entry.keyGeneration().isRequested()),
                    uploads),
            () -> uploads.forEach(ApplicationDocuments::contentType)));
    Instant now = clock.instant();
    String actor = ConsoleAccess.actor(clerk);
    Application application =
        Application.forNewCertificate(
            entry.profile().type(),
            entry.profile().name(),
            form.isDualCertificate(),
            entry.subjectDn(),
            entry.subjectAltNames(),
            entry.pkcs10(),
            entry.keyGeneration(),
            entry.applicant(),
            form.isDirectoryConsent(),
            form.isAgreementAccepted(),
            form.getFeeStatus(),
            entry.unit(),
            clerk.getUsername(),
            now);
    entityManager.persist(application);
    attach(application, uploads, clerk, now);
    entityManager.flush();
    auditLog.success(
        actor,
        AuditAction.APPLICATION_SUBMITTED,
        application.reference(),
        entry.profile().name()
            + " for "
            + entry.subjectDn()
            + (entry.keyGeneration().isRequested()
                ? "; the CA generates the "
                    + entry.keyGeneration().getAlgorithm().displayName()
                    + " key pair on the applicant's written request (CPS 6.1.4.10.1)"
                : ""));
    return application.getId();
  }

  /** Enters a renewal, re-key or revocation application for an existing certificate. */
  public long requestChange(
      String token,
      ApplicationKind kind,
      ChangeApplicationForm form,
      List<DocumentUpload> documents) {
    Operator clerk =
        access.require(
            token, Permission.ENTER_APPLICATION, AuditAction.APPLICATION_SUBMITTED, null);
    if (kind == null || kind == ApplicationKind.ISSUE) {
      throw Refusal.invalid(
          "kind",
          "change.kind",
          "choose renewal, re-key or revocation for an existing certificate");
    }
    List<DocumentUpload> uploads = ApplicationDocuments.orEmpty(documents);
    ChangeApplicationEntry entry =
        ChangeApplicationEntry.check(
            kind,
            form,
            serialNumber ->
                applications.holderCertificate(
                    serialNumber, ConsoleAccess.actor(clerk), AuditAction.APPLICATION_SUBMITTED));
    FormText.all(
        List.of(
            () -> {
              if (entry.needsIdentityDocument()) {
                ApplicationDocuments.requireAll(EnumSet.of(DocumentKind.ID_DOCUMENT), uploads);
              }
            },
            () -> uploads.forEach(ApplicationDocuments::contentType)));
    IssuedCertificate target = entry.target();
    RenewalProof proof = entry.proof();
    if (proof != null) {
      acceptProof(kind, target, entry.pkcs10(), proof);
    }
    Application origin = applications.originOf(target);
    Instant now = clock.instant();
    Application application =
        Application.forExisting(
            kind,
            target,
            origin == null
                ? profiles.require(target.getProfile()).type()
                : origin.getCertificateType(),
            origin == null ? null : origin.getApplicationUnit(),
            entry.applicant(),
            entry.pkcs10(),
            proof == null ? null : proof.statement(),
            proof == null ? null : proof.signatureBase64(),
            entry.reason(),
            entry.initiator(),
            clerk.getUsername(),
            now);
    entityManager.persist(application);
    attach(application, uploads, clerk, now);
    entityManager.flush();
    auditLog.success(
        ConsoleAccess.actor(clerk),
        AuditAction.APPLICATION_SUBMITTED,
        application.reference(),
        kind + " of serial=" + target.getSerialNumberHex());
    return application.getId();
  }

  /**
   * Accepts the holder's renewal proof: bound to this change of this certificate, signed with the
   * current key, fresh now and never used (a request copied from the archive proves nothing).
   */
  private void acceptProof(
      ApplicationKind kind, IssuedCertificate target, String pkcs10, RenewalProof proof) {
    RenewalProof.Operation operation =
        kind == ApplicationKind.RENEW ? RenewalProof.Operation.RENEW : RenewalProof.Operation.REKEY;
    try {
      renewal.requireProof(target.getSerialNumber(), pkcs10, proof, operation);
      renewalProofs.accept(proof);
    } catch (Refusal refused) {
      throw refused.onField("renewalProof", "change.proof");
    }
  }

  /** Adds a scanned document to an application still waiting for its decision. */
  public void addDocument(String token, long applicationId, DocumentUpload document) {
    Operator clerk =
        access.require(
            token,
            Permission.ENTER_APPLICATION,
            AuditAction.DOCUMENT_ADDED,
            Application.reference(applicationId));
    Application application = applications.find(applicationId);
    if (application.getState() != ApplicationState.SUBMITTED) {
      throw Applications.wrongState(application);
    }
    if (document == null) {
      throw Refusal.invalid("documents", "document.noFile", "choose a file to upload");
    }
    attach(application, List.of(document), clerk, clock.instant());
  }

  private void attach(
      Application application, List<DocumentUpload> uploads, Operator clerk, Instant now) {
    for (DocumentUpload upload : uploads) {
      String contentType = ApplicationDocuments.contentType(upload);
      byte[] content = upload.content();
      application.addDocument(
          upload.kind(),
          ApplicationDocuments.fileName(upload.fileName()),
          contentType,
          content,
          ConsoleAccess.sha256(content),
          clerk.getUsername(),
          now);
    }
  }

  private CertificateProfile profile(String name) {
    return profiles
        .current(name == null ? "" : name.strip())
        .filter(p -> p.remoteRa() && p.purpose() == KeyPurpose.SIGNING)
        .orElseThrow(
            () ->
                Refusal.invalid("profile", "application.profile", "choose a certificate profile"));
  }

  private ApplicationUnit unit(String code) {
    return entityManager
        .createNamedQuery(ApplicationUnit.BY_CODE, ApplicationUnit.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                Refusal.invalid("applicationUnit", "unit.unknown", "no application unit " + code));
  }
}
