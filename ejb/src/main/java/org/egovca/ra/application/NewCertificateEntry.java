package org.egovca.ra.application;

import static org.egovca.ra.application.FormValues.capitals;
import static org.egovca.ra.application.FormValues.given;
import static org.egovca.ra.application.FormValues.lines;
import static org.egovca.ra.application.FormValues.stripped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.egovca.ca.domain.AltNameType;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateType;
import org.egovca.ca.domain.IdentifierKind;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.x509.CertificationRequests;
import org.egovca.ca.x509.SubjectAltNames;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.ra.domain.Applicant;
import org.egovca.ra.domain.FeeStatus;
import org.egovca.ra.domain.KeyGenerationRequest;
import org.egovca.ra.domain.validation.HostNamesValidator;
import org.egovca.ra.domain.validation.PersonalDocuments;

/**
 * An {@link ApplicationForm} checked, every problem reported at once: the form's own constraints,
 * then what depends on the profile it names (the identity data its certificate type needs, the host
 * names it may carry, an encryption certificate it may come with, the type of a key pair the CA
 * generates on request), the PKCS#10's proof of possession, the conditions of a complete
 * application (fee settled; CPS §6.1.4.2.1) and finally the subject DN built from the attributes,
 * checked against the profile.
 */
record NewCertificateEntry(
    CertificateProfile profile,
    String subjectDn,
    String subjectAltNames,
    String pkcs10,
    KeyGenerationRequest keyGeneration,
    Applicant applicant,
    ApplicationUnit unit) {

  static NewCertificateEntry check(
      ApplicationForm form,
      Function<String, CertificateProfile> profiles,
      Function<String, ApplicationUnit> units) {
    List<Refusal.Problem> problems = new ArrayList<>(FormValidation.problems(form));
    CertificateProfile profile =
        FormValidation.attempt(problems, () -> profiles.apply(form.getProfile()));
    ApplicationUnit unit =
        FormValidation.attempt(problems, () -> unit(form.getApplicationUnit(), units));
    problems.addAll(keyOfTheHolder(form));
    if (form.getFeeStatus() == null || form.getFeeStatus() == FeeStatus.UNPAID) {
      problems.add(
          new Refusal.Problem(
              "feeStatus",
              "application.fee",
              "the fee must be paid or waived before the application is complete (CPS 6.1.4.2.1)"));
    }
    if (profile != null) {
      problems.addAll(forProfile(form, profile, problems));
    }
    problems = FormValidation.inFieldOrder(ApplicationForm.class, problems);
    if (profile == null || !problems.isEmpty()) {
      throw new Refusal(RefusalCode.INVALID_INPUT, problems);
    }
    Applicant applicant = applicant(form);
    identitiesWritten(profile, applicant);
    List<String> hosts = HostNamesValidator.generalNames(form.getDnsNames());
    String subjectDn = subjectDn(form);
    try {
      SubjectNames.parse(subjectDn, profile);
      SubjectAltNames.parse(hosts);
    } catch (Refusal refused) {
      throw refused.onField(null, "application.subject");
    }
    return new NewCertificateEntry(
        profile,
        subjectDn,
        String.join("\n", hosts),
        form.isKeyGenerationRequested() ? null : lines(form.getPkcs10()),
        form.isKeyGenerationRequested()
            ? KeyGenerationRequest.of(generatedKeyAlgorithm(form))
            : KeyGenerationRequest.none(),
        applicant,
        unit);
  }

  /**
   * The holder's key: a PKCS#10 that proves its possession, or none at all when the applicant asked
   * the CA to generate the key pair (CPS §6.1.4.10.1), so that nobody wonders which key counts.
   */
  private static List<Refusal.Problem> keyOfTheHolder(ApplicationForm form) {
    List<Refusal.Problem> problems = new ArrayList<>();
    if (form.isKeyGenerationRequested()) {
      if (given(form.getPkcs10())) {
        problems.add(
            new Refusal.Problem(
                "pkcs10",
                "application.pkcs10WithKeyGeneration",
                "the CA generates the key pair: leave the PKCS#10 empty"));
      }
    } else if (!given(form.getPkcs10())) {
      problems.add(new Refusal.Problem("pkcs10", "field.required", "is required"));
    } else {
      FormValidation.collect(problems, () -> proofOfPossession(lines(form.getPkcs10())));
    }
    return problems;
  }

  /** The key type asked for: SM2 unless another is named. */
  private static KeyAlgorithm generatedKeyAlgorithm(ApplicationForm form) {
    String name = stripped(form.getGeneratedKeyAlgorithm());
    return name == null ? KeyAlgorithm.SM2_256 : KeyAlgorithm.valueOf(name);
  }

  /** What the profile allows of a key the CA generates: its type, and SM2 for dual certificates. */
  private static void generatedKeyAllowed(ApplicationForm form, CertificateProfile profile) {
    String name = stripped(form.getGeneratedKeyAlgorithm());
    KeyAlgorithm algorithm;
    try {
      algorithm = generatedKeyAlgorithm(form);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(
          "generatedKeyAlgorithm", "application.keyAlgorithm", "no key type " + name);
    }
    if (!profile.keyAlgorithms().contains(algorithm)) {
      throw Refusal.invalid(
          "generatedKeyAlgorithm",
          "application.keyAlgorithmNotAllowed",
          "profile " + profile.name() + " accepts " + profile.describeKeyAlgorithms());
    }
    if (form.isDualCertificate() && algorithm != KeyAlgorithm.SM2_256) {
      throw Refusal.invalid(
          "generatedKeyAlgorithm",
          "application.dualNeedsSm2",
          "dual certificates need an SM2 signing key: the encryption key is enveloped under it");
    }
  }

  /**
   * What the profile asks of the form: a person's certificate needs the holder's identity document,
   * an organisation's or a device's the organisation; an agent shows their own document; host names
   * only where the profile has subjectAltNames of their form.
   */
  private static List<Refusal.Problem> forProfile(
      ApplicationForm form, CertificateProfile profile, List<Refusal.Problem> found) {
    boolean personal = profile.type() == CertificateType.PERSONAL;
    List<Refusal.Problem> problems = new ArrayList<>();
    if (form.isDualCertificate() && profile.encryptionCounterpart().isEmpty()) {
      problems.add(
          new Refusal.Problem(
              "dualCertificate",
              "application.noEncryption",
              "profile " + profile.name() + " has no encryption certificate"));
    }
    String idType = form.getIdDocumentType();
    boolean idGiven = personal || given(idType) || given(form.getIdDocumentNumber());
    required(problems, "idDocumentType", idType, idGiven);
    required(
        problems,
        "idDocumentNumber",
        form.getIdDocumentNumber(),
        personal || PersonalDocuments.kind(idType) != null);
    required(problems, "organisationName", form.getOrganisationName(), !personal);
    required(problems, "organisationCode", form.getOrganisationCode(), !personal);
    boolean agent = given(form.getAgentName());
    required(problems, "agentIdDocumentType", form.getAgentIdDocumentType(), agent);
    required(problems, "agentIdDocumentNumber", form.getAgentIdDocumentNumber(), agent);
    if (form.isKeyGenerationRequested()) {
      FormValidation.collect(problems, () -> generatedKeyAllowed(form, profile));
    }
    if (found.stream().noneMatch(p -> "dnsNames".equals(p.field()))) {
      FormValidation.collect(
          problems,
          () -> hostNamesAllowed(profile, HostNamesValidator.generalNames(form.getDnsNames())));
    }
    return problems;
  }

  /** The applicant as the checked form names them, trimmed, with numbers in capitals. */
  private static Applicant applicant(ApplicationForm form) {
    IdentifierKind idType = PersonalDocuments.kind(form.getIdDocumentType());
    String agentName = stripped(form.getAgentName());
    IdentifierKind agentType =
        agentName == null ? null : PersonalDocuments.kind(form.getAgentIdDocumentType());
    String code = stripped(form.getOrganisationCode());
    return new Applicant(
        stripped(form.getApplicantName()),
        idType == null ? null : idType.name(),
        idType == null ? null : capitals(form.getIdDocumentNumber()),
        stripped(form.getOrganisationName()),
        code == null ? null : capitals(code).replace("-", ""),
        stripped(form.getBusinessLicenceNumber()),
        agentName,
        agentType == null ? null : agentType.name(),
        agentName == null ? null : capitals(form.getAgentIdDocumentNumber()),
        stripped(form.getEmail()),
        stripped(form.getPhone()));
  }

  /** The subject in the order GM/T 0015 lists it: C, ST, L, O, OU, CN. */
  private static String subjectDn(ApplicationForm form) {
    StringBuilder dn = new StringBuilder("CN=").append(stripped(form.getCommonName()));
    appendIfGiven(dn, "OU", form.getOrganisationalUnit());
    appendIfGiven(dn, "O", form.getOrganisation());
    appendIfGiven(dn, "L", form.getLocality());
    appendIfGiven(dn, "ST", form.getProvince());
    String country = stripped(form.getCountry());
    return dn.append(",C=").append(country == null ? "CN" : country).toString();
  }

  private static void appendIfGiven(StringBuilder dn, String attribute, String value) {
    String text = stripped(value);
    if (text != null) {
      dn.append(',').append(attribute).append('=').append(text);
    }
  }

  /** A PKCS#10 typed into a form, checked to be a request signed with the key it certifies. */
  static void proofOfPossession(String text) {
    try {
      CertificationRequests.verifyProofOfPossession(CertificationRequests.parse(text));
    } catch (Refusal refused) {
      throw refused.onField("pkcs10", "application.pkcs10");
    }
  }

  private static ApplicationUnit unit(String code, Function<String, ApplicationUnit> units) {
    return given(code) ? units.apply(code.strip()) : null;
  }

  /** Host names only where the profile has subjectAltNames of their form, and there if required. */
  private static void hostNamesAllowed(CertificateProfile profile, List<String> hosts) {
    if (profile.altNames().required() && hosts.isEmpty()) {
      throw Refusal.invalid(
          "dnsNames", "application.hostNames", "a device certificate needs its host names");
    }
    for (String host : hosts) {
      AltNameType type = host.startsWith("IP:") ? AltNameType.IP : AltNameType.DNS;
      if (!profile.altNames().allowed().contains(type)) {
        throw Refusal.invalid(
            "dnsNames",
            "application.hostNamesNotAllowed",
            "profile " + profile.name() + " has no " + type + " names: leave the host names empty");
      }
    }
  }

  /**
   * The vetted identity goes into the certificate: an identity document the profile cannot write is
   * refused, and a profile that needs an identifier gets one.
   */
  private static void identitiesWritten(CertificateProfile profile, Applicant applicant) {
    Set<IdentifierKind> allowed = profile.identity().allowed();
    // A person's certificate names the holder by their identity document; for an organisation or
    // a device the applicant's document is recorded, not written.
    boolean personal = profile.type() == CertificateType.PERSONAL;
    String idType = applicant.getIdDocumentType();
    if (personal
        && idType != null
        && !allowed.isEmpty()
        && !allowed.contains(IdentifierKind.valueOf(idType))) {
      throw Refusal.invalid(
          "idDocumentType",
          "application.identityNotWritten",
          "profile " + profile.name() + " cannot write a " + idType + ": it writes " + allowed);
    }
    Set<IdentifierKind> requiredOneOf = profile.identity().requiredOneOf();
    boolean present =
        requiredOneOf.isEmpty()
            || ApplicationReview.identifiers(applicant, profile).stream()
                .anyMatch(i -> requiredOneOf.contains(IdentifierKind.valueOf(i.kind())));
    if (!present) {
      throw Refusal.invalid(
          personal ? "idDocumentNumber" : "organisationCode",
          "application.identityRequired",
          "profile " + profile.name() + " needs one of " + requiredOneOf + " for the holder");
    }
  }

  private static void required(
      List<Refusal.Problem> problems, String field, String value, boolean required) {
    if (required && !given(value)) {
      problems.add(new Refusal.Problem(field, "field.required", "is required"));
    }
  }
}
