package org.egovca.ra.application;

import static org.egovca.ra.application.FormValues.capitals;
import static org.egovca.ra.application.FormValues.lines;
import static org.egovca.ra.application.FormValues.stripped;

import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.IdentifierKind;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ca.x509.RenewalProof;
import org.egovca.ra.domain.Applicant;
import org.egovca.ra.domain.ApplicationKind;
import org.egovca.ra.domain.validation.PersonalDocuments;
import org.egovca.ra.domain.validation.RevocationConditionValidator;

/**
 * A {@link ChangeApplicationForm} checked, every problem reported at once: the form's constraints
 * for the kind applied for, then that the certificate exists and is valid, and for a renewal or
 * re-key (CPS §6.1.4.6–6.1.4.7) the PKCS#10's proof of possession and the holder's renewal proof as
 * a statement (whether it is fresh, unused and signed with the certificate's key the desk checks
 * against the certificate).
 */
record ChangeApplicationEntry(
    IssuedCertificate target,
    String pkcs10,
    RenewalProof proof,
    RevocationReason reason,
    RevocationInitiator initiator,
    Applicant applicant) {

  /** The requester shows an identity document unless the RA or CA itself asks. */
  boolean needsIdentityDocument() {
    return initiator != RevocationInitiator.RA && initiator != RevocationInitiator.CA;
  }

  static ChangeApplicationEntry check(
      ApplicationKind kind,
      ChangeApplicationForm form,
      Function<String, IssuedCertificate> certificates) {
    boolean revocation = kind == ApplicationKind.REVOKE;
    List<Refusal.Problem> problems =
        new ArrayList<>(
            FormValidation.problems(
                form,
                Default.class,
                revocation
                    ? ChangeApplicationForm.Revocation.class
                    : ChangeApplicationForm.Renewal.class));
    IssuedCertificate target =
        ifValid(
            problems,
            () -> valid(certificates.apply(form.getSerialNumber().strip())),
            "serialNumber");
    RenewalProof proof = null;
    if (!revocation) {
      ifValid(problems, () -> proofOfPossession(form.getPkcs10()), "pkcs10");
      proof = ifValid(problems, () -> proof(form), "renewalProof", "renewalProofSignature");
    }
    problems = FormValidation.inFieldOrder(ChangeApplicationForm.class, problems);
    if (!problems.isEmpty()) {
      throw new Refusal(RefusalCode.INVALID_INPUT, problems);
    }
    return revocation
        ? new ChangeApplicationEntry(
            target,
            null,
            null,
            RevocationConditionValidator.condition(form.getRevocationReason()).orElseThrow(),
            RevocationInitiator.parse(form.getInitiator()).orElseThrow(),
            applicant(form))
        : new ChangeApplicationEntry(
            target,
            lines(form.getPkcs10()),
            proof,
            null,
            RevocationInitiator.HOLDER,
            applicant(form));
  }

  /**
   * The result of {@code step}, run only where the constraints found none of {@code fields}
   * wanting; null with the step's problems added to {@code problems} when it refuses.
   */
  private static <T> T ifValid(List<Refusal.Problem> problems, Supplier<T> step, String... fields) {
    List<String> checked = List.of(fields);
    if (problems.stream().anyMatch(p -> checked.contains(p.field()))) {
      return null;
    }
    return FormValidation.attempt(problems, step);
  }

  private static Void proofOfPossession(String pkcs10) {
    NewCertificateEntry.proofOfPossession(lines(pkcs10));
    return null;
  }

  private static IssuedCertificate valid(IssuedCertificate target) {
    if (target.getStatus() != CertificateStatus.GOOD) {
      throw Refusal.invalid(
          "serialNumber",
          "change.notValid",
          "certificate " + target.getSerialNumberHex() + " is " + target.getStatus());
    }
    return target;
  }

  /**
   * The renewal proof as the holder signed it: a text area sends CR LF and trims nothing, the
   * statement is signed with LF line ends and one final LF, which the checked text gets back.
   */
  private static RenewalProof proof(ChangeApplicationForm form) {
    try {
      return RenewalProof.parse(
          lines(form.getRenewalProof()) + "\n", lines(form.getRenewalProofSignature()));
    } catch (Refusal malformed) {
      throw malformed.onField("renewalProof", "change.proof");
    }
  }

  /** The requester as the checked form names them, trimmed, with the number in capitals. */
  private static Applicant applicant(ChangeApplicationForm form) {
    IdentifierKind idType = PersonalDocuments.kind(form.getIdDocumentType());
    return new Applicant(
        stripped(form.getRequesterName()),
        idType == null ? null : idType.name(),
        idType == null ? null : capitals(form.getIdDocumentNumber()),
        null,
        null,
        null,
        null,
        null,
        null,
        stripped(form.getEmail()),
        stripped(form.getPhone()));
  }
}
