package org.egovca.ra.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
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
import org.egovca.ra.domain.Applicant;
import org.egovca.ra.domain.FeeStatus;

/**
 * An {@link ApplicationForm} checked field by field, every problem reported at once: the subject DN
 * built from its attributes and checked against the profile, the host names, the PKCS#10 and its
 * proof of possession, the applicant's identity data with their check characters, and the
 * conditions of a complete application (agreement accepted, fee settled; CPS §6.1.4.2.1).
 */
record NewCertificateEntry(
    CertificateProfile profile,
    String subjectDn,
    String subjectAltNames,
    String pkcs10,
    Applicant applicant,
    ApplicationUnit unit) {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern IP = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*");
  private static final int MAX_HOST_NAMES = 20;

  static NewCertificateEntry check(
      ApplicationForm form,
      Function<String, CertificateProfile> profiles,
      Function<String, ApplicationUnit> units) {
    Builder b = new Builder();
    List<Runnable> checks = new ArrayList<>();
    checks.add(() -> b.profile = profiles.apply(form.profile()));
    checks.add(() -> b.cn = FormText.dnValue("commonName", form.commonName(), 64, true));
    checks.add(
        () -> b.ou = FormText.dnValue("organisationalUnit", form.organisationalUnit(), 64, false));
    checks.add(() -> b.o = FormText.dnValue("organisation", form.organisation(), 64, false));
    checks.add(() -> b.l = FormText.dnValue("locality", form.locality(), 64, false));
    checks.add(() -> b.st = FormText.dnValue("province", form.province(), 64, false));
    checks.add(() -> b.c = country(form.country()));
    checks.add(
        () -> {
          b.hosts = hostNames(form.dnsNames());
          b.hostsReadable = true;
        });
    checks.add(() -> b.pkcs10 = pkcs10(form.pkcs10()));
    checks.add(() -> b.name = FormText.text("applicantName", form.applicantName(), 128, true));
    checks.add(() -> b.email = FormText.email("email", form.email(), true));
    checks.add(() -> b.phone = FormText.phone("phone", form.phone()));
    checks.add(() -> b.licence = licence(form.businessLicenceNumber()));
    checks.add(() -> b.unit = unit(form.applicationUnit(), units));
    checks.add(() -> agreement(form));
    checks.add(() -> fee(form));
    List<Refusal.Problem> problems = FormText.collect(checks);
    if (b.profile == null) {
      throw new Refusal(RefusalCode.INVALID_INPUT, problems);
    }
    // The rest depends on the profile: its certificate type, names and identity extensions.
    boolean personal = b.profile.type() == CertificateType.PERSONAL;
    List<Runnable> typed = new ArrayList<>();
    if (form.dualCertificate() && b.profile.encryptionCounterpart().isEmpty()) {
      typed.add(
          () -> {
            throw Refusal.invalid(
                "dualCertificate",
                "application.noEncryption",
                "profile " + b.profile.name() + " has no encryption certificate");
          });
    }
    typed.add(
        () -> {
          if (personal || notBlank(form.idDocumentType()) || notBlank(form.idDocumentNumber())) {
            b.idType = ApplicantEntry.documentType("idDocumentType", form.idDocumentType());
          }
        });
    typed.add(
        () -> {
          if (b.idType != null || personal) {
            b.idNumber =
                ApplicantEntry.documentNumber(
                    "idDocumentNumber", b.idType, form.idDocumentNumber());
          }
        });
    typed.add(
        () ->
            b.orgName = FormText.text("organisationName", form.organisationName(), 128, !personal));
    typed.add(
        () -> {
          if (!personal || notBlank(form.organisationCode())) {
            b.orgCode =
                ApplicantEntry.organisationCode("organisationCode", form.organisationCode());
          }
        });
    typed.add(() -> agent(form, b));
    if (b.hostsReadable) {
      typed.add(() -> hostNamesAllowed(b.profile, b.hosts));
    }
    problems.addAll(FormText.collect(typed));
    if (problems.isEmpty()) {
      problems.addAll(FormText.collect(List.of(() -> identitiesWritten(b))));
    }
    if (!problems.isEmpty()) {
      throw new Refusal(RefusalCode.INVALID_INPUT, problems);
    }
    String subjectDn = subjectDn(b);
    try {
      SubjectNames.parse(subjectDn, b.profile);
      SubjectAltNames.parse(b.hosts);
    } catch (Refusal refused) {
      throw refused.onField(null, "application.subject");
    }
    Applicant applicant =
        new Applicant(
            b.name,
            b.idType == null ? null : b.idType.name(),
            b.idNumber,
            b.orgName,
            b.orgCode,
            b.licence,
            b.agentName,
            b.agentType == null ? null : b.agentType.name(),
            b.agentNumber,
            b.email,
            b.phone);
    return new NewCertificateEntry(
        b.profile, subjectDn, String.join("\n", b.hosts), b.pkcs10, applicant, b.unit);
  }

  /** The subject in the order GM/T 0015 lists it: C, ST, L, O, OU, CN. */
  private static String subjectDn(Builder b) {
    StringBuilder dn = new StringBuilder("CN=").append(b.cn);
    if (b.ou != null) {
      dn.append(",OU=").append(b.ou);
    }
    if (b.o != null) {
      dn.append(",O=").append(b.o);
    }
    if (b.l != null) {
      dn.append(",L=").append(b.l);
    }
    if (b.st != null) {
      dn.append(",ST=").append(b.st);
    }
    return dn.append(",C=").append(b.c).toString();
  }

  private static String country(String value) {
    String text =
        FormText.text("country", value == null || value.isBlank() ? "CN" : value, 2, true);
    if (!COUNTRY.matcher(text).matches()) {
      throw Refusal.invalid("country", "application.country", "use the two-letter country code");
    }
    return text;
  }

  private static List<String> hostNames(String value) {
    String text = FormText.lines("dnsNames", value, 2048, false);
    List<String> names = new ArrayList<>();
    if (text == null) {
      return names;
    }
    for (String line : text.split("\n")) {
      String host = line.strip();
      if (!host.isEmpty()) {
        names.add((IP.matcher(host).matches() ? "IP:" : "DNS:") + host);
      }
    }
    if (names.size() > MAX_HOST_NAMES) {
      throw Refusal.invalid(
          "dnsNames", "application.hostNames", "at most " + MAX_HOST_NAMES + " host names");
    }
    try {
      SubjectAltNames.parse(names);
    } catch (Refusal refused) {
      throw refused.onField("dnsNames", "application.hostNames");
    }
    return names;
  }

  static String pkcs10(String value) {
    String text = FormText.lines("pkcs10", value, 8192, true);
    try {
      CertificationRequests.verifyProofOfPossession(CertificationRequests.parse(text));
    } catch (Refusal refused) {
      throw refused.onField("pkcs10", "application.pkcs10");
    }
    return text;
  }

  private static String licence(String value) {
    String text = FormText.text("businessLicenceNumber", value, 32, false);
    if (text != null && !text.matches("[0-9A-Za-z-]+")) {
      throw Refusal.invalid(
          "businessLicenceNumber", "applicant.licence", "use digits, letters and '-' only");
    }
    return text;
  }

  private static ApplicationUnit unit(String code, Function<String, ApplicationUnit> units) {
    return code == null || code.isBlank() ? null : units.apply(code.strip());
  }

  private static void agreement(ApplicationForm form) {
    if (!form.agreementAccepted()) {
      throw Refusal.invalid(
          "agreementAccepted",
          "application.agreement",
          "the applicant must accept the subscriber agreement (CPS 6.1.4.2.1)");
    }
  }

  private static void fee(ApplicationForm form) {
    if (form.feeStatus() == null || form.feeStatus() == FeeStatus.UNPAID) {
      throw Refusal.invalid(
          "feeStatus",
          "application.fee",
          "the fee must be paid or waived before the application is complete (CPS 6.1.4.2.1)");
    }
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
  private static void identitiesWritten(Builder b) {
    Set<IdentifierKind> allowed = b.profile.identity().allowed();
    // A person's certificate names the holder by their identity document; for an organisation or
    // a device the applicant's document is recorded, not written.
    boolean personal = b.profile.type() == CertificateType.PERSONAL;
    if (personal && b.idType != null && !allowed.isEmpty() && !allowed.contains(b.idType)) {
      throw Refusal.invalid(
          "idDocumentType",
          "application.identityNotWritten",
          "profile " + b.profile.name() + " cannot write a " + b.idType + ": it writes " + allowed);
    }
    Set<IdentifierKind> requiredOneOf = b.profile.identity().requiredOneOf();
    if (requiredOneOf.isEmpty()) {
      return;
    }
    Applicant applicant =
        new Applicant(
            b.name,
            b.idType == null ? null : b.idType.name(),
            b.idNumber,
            b.orgName,
            b.orgCode,
            null,
            null,
            null,
            null,
            b.email,
            null);
    boolean present =
        ApplicationReview.identifiers(applicant, b.profile).stream()
            .anyMatch(i -> requiredOneOf.contains(IdentifierKind.valueOf(i.kind())));
    if (!present) {
      throw Refusal.invalid(
          personal ? "idDocumentNumber" : "organisationCode",
          "application.identityRequired",
          "profile " + b.profile.name() + " needs one of " + requiredOneOf + " for the holder");
    }
  }

  private static void agent(ApplicationForm form, Builder b) {
    b.agentName = FormText.text("agentName", form.agentName(), 128, false);
    if (b.agentName == null) {
      return;
    }
    FormText.all(
        List.of(
            () ->
                b.agentType =
                    ApplicantEntry.documentType("agentIdDocumentType", form.agentIdDocumentType()),
            () ->
                b.agentNumber =
                    ApplicantEntry.documentNumber(
                        "agentIdDocumentNumber", b.agentType, form.agentIdDocumentNumber())));
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

  /** Values collected while the checks run, so that every problem is reported at once. */
  private static final class Builder {
    CertificateProfile profile;
    String cn;
    String ou;
    String o;
    String l;
    String st;
    String c;
    List<String> hosts = List.of();
    boolean hostsReadable;
    String pkcs10;
    String name;
    String email;
    String phone;
    String licence;
    ApplicationUnit unit;
    IdentifierKind idType;
    String idNumber;
    String orgName;
    String orgCode;
    String agentName;
    IdentifierKind agentType;
    String agentNumber;
  }
}
