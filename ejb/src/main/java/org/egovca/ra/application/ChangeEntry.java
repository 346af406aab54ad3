package org.egovca.ra.application;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.egovca.ca.domain.CertificateStatus;
import org.egovca.ca.domain.IdentifierKind;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ca.x509.RenewalProof;
import org.egovca.ra.domain.Applicant;
import org.egovca.ra.domain.ApplicationKind;

/**
 * A {@link ChangeRequestForm} checked field by field: the certificate exists and is valid, a
 * renewal or re-key carries its PKCS#10 and the holder's renewal proof (CPS §6.1.4.6–6.1.4.7), a
 * revocation names a reason of §6.1.4.8.1 and who asks for it, and the requester is identified.
 */
record ChangeEntry(
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

  static ChangeEntry check(
      ApplicationKind kind,
      ChangeRequestForm form,
      Function<String, IssuedCertificate> certificates) {
    Values v = new Values();
    List<Runnable> checks = new ArrayList<>();
    checks.add(
        () -> {
          v.target = certificates.apply(FormText.text("serial", form.serial(), 64, true));
          if (v.target.getStatus() != CertificateStatus.GOOD) {
            throw Refusal.invalid(
                "serial",
                "change.notValid",
                "certificate " + v.target.getSerialNumberHex() + " is " + v.target.getStatus());
          }
        });
    if (kind == ApplicationKind.REVOKE) {
      checks.add(() -> v.reason = reason(form.revocationReason()));
      checks.add(() -> v.initiator = initiator(form.initiator()));
    } else {
      v.initiator = RevocationInitiator.HOLDER;
      checks.add(() -> v.pkcs10 = NewCertificateEntry.pkcs10(form.pkcs10()));
      checks.add(() -> v.proof = proof(form.renewalProof(), form.renewalProofSignature()));
    }
    checks.add(() -> v.name = FormText.text("requesterName", form.requesterName(), 128, true));
    checks.add(() -> v.email = FormText.email("email", form.email(), true));
    checks.add(() -> v.phone = FormText.phone("phone", form.phone()));
    checks.add(
        () -> {
          if (notBlank(form.idDocumentType()) || notBlank(form.idDocumentNumber())) {
            v.idType = ApplicantEntry.documentType("idDocumentType", form.idDocumentType());
            v.idNumber =
                ApplicantEntry.documentNumber(
                    "idDocumentNumber", v.idType, form.idDocumentNumber());
          }
        });
    FormText.all(checks);
    Applicant applicant =
        new Applicant(
            v.name,
            v.idType == null ? null : v.idType.name(),
            v.idNumber,
            null,
            null,
            null,
            null,
            null,
            null,
            v.email,
            v.phone);
    return new ChangeEntry(v.target, v.pkcs10, v.proof, v.reason, v.initiator, applicant);
  }

  /** A revocation condition A to J of CPS §6.1.4.8.1. */
  static RevocationReason reason(String value) {
    return RevocationReason.parse(FormText.text("revocationReason", value, 32, true))
        .filter(r -> r.cpsCondition().isPresent())
        .orElseThrow(
            () ->
                Refusal.invalid(
                    "revocationReason",
                    "change.reason",
                    "choose a revocation condition A to J of CPS 6.1.4.8.1"));
  }

  private static RevocationInitiator initiator(String value) {
    return RevocationInitiator.parse(FormText.text("initiator", value, 32, true))
        .orElseThrow(
            () ->
                Refusal.invalid(
                    "initiator",
                    "change.initiator",
                    "choose HOLDER, RA, CA, RELYING_PARTY or JUDICIAL_AUTHORITY"));
  }

  private static RenewalProof proof(String statement, String signature) {
    // a text area sends CR LF and trims nothing: the statement is signed with LF line ends and
    // one final LF, which the checked text gets back
    String[] text = new String[2];
    FormText.all(
        List.of(
            () -> text[0] = FormText.lines("renewalProof", statement, 1024, true),
            () -> text[1] = FormText.lines("renewalProofSignature", signature, 1024, true)));
    try {
      return RenewalProof.parse(text[0] + "\n", text[1]);
    } catch (Refusal malformed) {
      throw malformed.onField("renewalProof", "change.proof");
    }
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

  /** Values collected while the checks run. */
  private static final class Values {
    IssuedCertificate target;
    String pkcs10;
    RenewalProof proof;
    RevocationReason reason;
    RevocationInitiator initiator;
    String name;
    String email;
    String phone;
    IdentifierKind idType;
    String idNumber;
  }
}
