package org.egovca.ra.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.egovca.ca.domain.ApplicationUnit;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.Refusal;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.TestProfiles;
import org.egovca.ca.testing.Pem;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ra.domain.Applicant;
import org.egovca.ra.domain.FeeStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NewCertificateEntryTest {

  private static final String ID = ApplicantEntryTest.residentId("44030819900307123");
  private static final ApplicationUnit TAX =
      new ApplicationUnit("tax", "Tax office", Instant.parse("2025-01-01T00:00:00Z"));

  private static final Map<String, CertificateProfile> PROFILES =
      Map.of(
          "personal-sign", TestProfiles.named("personal-sign"),
          "organisation-sign", TestProfiles.named("organisation-sign"),
          "organisation-sign-2023", TestProfiles.named("organisation-sign-2023"),
          "personal-sign-2023", TestProfiles.named("personal-sign-2023"),
          "personal-sign-single",
              TestProfiles.changed("personal-sign", Map.of("encryptionCounterpart", "")));

  private static final Function<String, CertificateProfile> PROFILE_LOOKUP =
      name -> {
        CertificateProfile profile = PROFILES.get(name);
        if (profile == null) {
          throw Refusal.invalid("profile", "application.profile", "choose a certificate profile");
        }
        return profile;
      };

  private static final Function<String, ApplicationUnit> UNIT_LOOKUP =
      code -> {
        if (!code.equals("tax")) {
          throw Refusal.invalid("applicationUnit", "unit.unknown", "no application unit " + code);
        }
        return TAX;
      };

  private static String pkcs10;
  private static String forgedPkcs10;

  @BeforeAll
  static void requests() throws IOException {
    KeyPair holder = TestKeys.sm2KeyPair();
    KeyPair other = TestKeys.sm2KeyPair();
    pkcs10 =
        Pem.text(
            "CERTIFICATE REQUEST",
            new PKCS10CertificationRequestBuilder(
                    new X500Name("CN=ignored"), TestKeys.spki(holder.getPublic()))
                .build(TestKeys.signer("SM3withSM2", holder.getPrivate()))
                .getEncoded());
    // The holder's public key, signed with another key: no proof of possession.
    forgedPkcs10 =
        Base64.getMimeEncoder()
            .encodeToString(
                new PKCS10CertificationRequestBuilder(
                        new X500Name("CN=ignored"), TestKeys.spki(holder.getPublic()))
                    .build(TestKeys.signer("SM3withSM2", other.getPrivate()))
                    .getEncoded());
  }

  /** A form the tests change one field at a time; it starts as a good personal application. */
  private static final class Form {
    String profile = "personal-sign";
    boolean dualCertificate = false;
    String commonName = "Zhang San";
    String organisationalUnit = "IT";
    String organisation = "Example Ltd";
    String locality = "Haidian";
    String province = "Beijing";
    String country = "CN";
    String dnsNames = "";
    String pkcs10 = NewCertificateEntryTest.pkcs10;
    String applicantName = "Zhang San";
    String idDocumentType = "RESIDENT_ID_CARD";
    String idDocumentNumber = ID;
    String organisationName = null;
    String organisationCode = null;
    String businessLicenceNumber = null;
    String agentName = null;
    String agentIdDocumentType = null;
    String agentIdDocumentNumber = null;
    String email = "zhangsan@example.cn";
    String phone = "+86 10 1234 5678";
    boolean publishConsent = true;
    boolean agreementAccepted = true;
    FeeStatus feeStatus = FeeStatus.PAID;
    String applicationUnit = "";

    ApplicationForm build() {
      return new ApplicationForm(
          profile,
          dualCertificate,
          commonName,
          organisationalUnit,
          organisation,
          locality,
          province,
          country,
          dnsNames,
          pkcs10,
          applicantName,
          idDocumentType,
          idDocumentNumber,
          organisationName,
          organisationCode,
          businessLicenceNumber,
          agentName,
          agentIdDocumentType,
          agentIdDocumentNumber,
          email,
          phone,
          publishConsent,
          agreementAccepted,
          feeStatus,
          applicationUnit);
    }

    NewCertificateEntry check() {
      return NewCertificateEntry.check(build(), PROFILE_LOOKUP, UNIT_LOOKUP);
    }

    /** The problems of a refused form, as "field key". */
    List<String> problems() {
      Refusal refusal = assertThrows(Refusal.class, this::check);
      assertEquals(RefusalCode.INVALID_INPUT, refusal.code());
      return refusal.problems().stream().map(p -> p.field() + " " + p.key()).toList();
    }
  }

  @Test
  void goodPersonalApplicationYieldsTheSubjectDnInGmt0015Order() {
    NewCertificateEntry entry = new Form().check();

    assertEquals("CN=Zhang San,OU=IT,O=Example Ltd,L=Haidian,ST=Beijing,C=CN", entry.subjectDn());
    assertEquals("personal-sign", entry.profile().name());
    assertEquals("", entry.subjectAltNames());
    assertEquals(pkcs10.strip(), entry.pkcs10());
    assertNull(entry.unit());
  }

  @Test
  void goodPersonalApplicationYieldsTheApplicant() {
    Applicant applicant = new Form().check().applicant();

    assertEquals("Zhang San", applicant.getName());
    assertEquals("RESIDENT_ID_CARD", applicant.getIdDocumentType());
    assertEquals(ID, applicant.getIdDocumentNumber());
    assertNull(applicant.getOrganisationName());
    assertNull(applicant.getOrganisationCode());
    assertNull(applicant.getAgentName());
    assertEquals("zhangsan@example.cn", applicant.getEmail());
    assertEquals("+86 10 1234 5678", applicant.getPhone());
  }

  @Test
  void optionalDnAttributesMayBeLeftOutAndCountryDefaultsToCn() {
    Form form = new Form();
    form.organisationalUnit = " ";
    form.organisation = null;
    form.locality = "";
    form.province = null;
    form.country = "";

    assertEquals("CN=Zhang San,C=CN", form.check().subjectDn());
  }

  @Test
  void lowerCaseCountryIsRefused() {
    Form form = new Form();
    form.country = "cn";

    assertEquals(List.of("country application.country"), form.problems());
  }

  @Test
  void applicationUnitIsLookedUpByItsTrimmedCode() {
    Form form = new Form();
    form.applicationUnit = " tax ";

    assertSame(TAX, form.check().unit());
  }

  @Test
  void unknownApplicationUnitIsRefused() {
    Form form = new Form();
    form.applicationUnit = "police";

    assertEquals(List.of("applicationUnit unit.unknown"), form.problems());
  }

  @Test
  void severalBadFieldsAreReportedTogetherWithTheirFieldNames() {
    Form form = new Form();
    form.commonName = " ";
    form.organisation = "CN=a,O=b";
    form.email = "zhangsan";
    form.agreementAccepted = false;

    assertEquals(
        List.of(
            "commonName field.required",
            "organisation field.dnSyntax",
            "email field.email",
            "agreementAccepted application.agreement"),
        form.problems());
  }

  @Test
  void badIdNumberIsReportedOnItsField() {
    Form form = new Form();
    form.idDocumentNumber = ID.substring(0, 17) + (ID.charAt(17) == '0' ? '1' : '0');

    assertEquals(List.of("idDocumentNumber applicant.documentNumber"), form.problems());
  }

  @Test
  void unpaidFeeIsRefused() {
    Form form = new Form();
    form.feeStatus = FeeStatus.UNPAID;

    assertEquals(List.of("feeStatus application.fee"), form.problems());
  }

  @Test
  void missingFeeStatusIsRefused() {
    Form form = new Form();
    form.feeStatus = null;

    assertEquals(List.of("feeStatus application.fee"), form.problems());
  }

  @Test
  void waivedFeeIsAccepted() {
    Form form = new Form();
    form.feeStatus = FeeStatus.WAIVED;

    assertEquals("Zhang San", form.check().applicant().getName());
  }

  /**
   * Every problem is reported at once: the profile-dependent checks (ID document, organisation
   * code, agent, host names) run even when other fields failed, and an unaccepted agreement does
   * not hide an unpaid fee.
   */
  @Test
  void everyBadFieldIsReportedAtOnce() {
    Form form = new Form();
    form.commonName = " ";
    form.organisation = "CN=a,O=b";
    form.idDocumentNumber = "110105194912310021";
    form.agreementAccepted = false;
    form.feeStatus = FeeStatus.UNPAID;

    List<String> problems = form.problems();
    assertTrue(problems.contains("commonName field.required"), problems.toString());
    assertTrue(problems.contains("organisation field.dnSyntax"), problems.toString());
    assertTrue(problems.contains("idDocumentNumber applicant.documentNumber"), problems.toString());
    assertTrue(problems.contains("agreementAccepted application.agreement"), problems.toString());
    assertTrue(problems.contains("feeStatus application.fee"), problems.toString());
  }

  @Test
  void pkcs10WhoseSignatureDoesNotVerifyIsRefusedOnThePkcs10Field() {
    Form form = new Form();
    form.pkcs10 = forgedPkcs10;

    assertEquals(List.of("pkcs10 application.pkcs10"), form.problems());
  }

  @Test
  void pkcs10ThatIsNotARequestIsRefusedOnThePkcs10Field() {
    Form form = new Form();
    form.pkcs10 = "aGVsbG8gd29ybGQ=";

    assertEquals(List.of("pkcs10 application.pkcs10"), form.problems());
  }

  @Test
  void missingPkcs10IsRequired() {
    Form form = new Form();
    form.pkcs10 = "  ";

    assertEquals(List.of("pkcs10 field.required"), form.problems());
  }

  @Test
  void unknownProfileIsRefusedOnTheProfileField() {
    Form form = new Form();
    form.profile = "no-such-profile";

    assertEquals(List.of("profile application.profile"), form.problems());
  }

  @Test
  void personalApplicationNeedsAnIdDocumentType() {
    Form form = new Form();
    form.idDocumentType = "";
    form.idDocumentNumber = "";

    assertEquals(
        List.of("idDocumentType field.required", "idDocumentNumber field.required"),
        form.problems());
  }

  @Test
  void dualCertificateForAProfileWithoutEncryptionCounterpartIsRefused() {
    Form form = new Form();
    form.profile = "personal-sign-single";
    form.dualCertificate = true;

    assertEquals(List.of("dualCertificate application.noEncryption"), form.problems());
  }

  @Test
  void dualCertificateForAProfileWithEncryptionCounterpartIsAccepted() {
    Form form = new Form();
    form.dualCertificate = true;

    assertEquals("personal-sign", form.check().profile().name());
  }

  @Test
  void agentNeedsTheirOwnDocumentTypeAndNumber() {
    Form form = new Form();
    form.agentName = "Li Si";
    form.agentIdDocumentType = "DRIVING_LICENCE";
    form.agentIdDocumentNumber = "";

    assertEquals(
        List.of(
            "agentIdDocumentType applicant.documentType", "agentIdDocumentNumber field.required"),
        form.problems());
  }

  @Test
  void agentWithValidDocumentIsRecorded() {
    Form form = new Form();
    form.agentName = "Li Si";
    form.agentIdDocumentType = "RESIDENT_ID_CARD";
    form.agentIdDocumentNumber = "11010519491231002x";

    Applicant applicant = form.check().applicant();
    assertTrue(applicant.hasAgent());
    assertEquals("Li Si", applicant.getAgentName());
    assertEquals("RESIDENT_ID_CARD", applicant.getAgentIdDocumentType());
    assertEquals("11010519491231002X", applicant.getAgentIdDocumentNumber());
  }

  @Test
  void organisationApplicationNeedsOrganisationNameAndCode() {
    Form form = new Form();
    form.profile = "organisation-sign";
    form.idDocumentType = "";
    form.idDocumentNumber = "";

    assertEquals(
        List.of("organisationName field.required", "organisationCode field.required"),
        form.problems());
  }

  @Test
  void organisationApplicationKeepsItsUnifiedSocialCreditCode() {
    Form form = new Form();
    form.profile = "organisation-sign";
    form.idDocumentType = "";
    form.idDocumentNumber = "";
    form.organisationName = "Example Ltd";
    form.organisationCode = "91350100M000100Y43";
    form.businessLicenceNumber = "110108000000016";

    NewCertificateEntry entry = form.check();
    assertEquals("organisation-sign", entry.profile().name());
    assertNull(entry.applicant().getIdDocumentType());
    assertEquals("Example Ltd", entry.applicant().getOrganisationName());
    assertEquals("91350100M000100Y43", entry.applicant().getOrganisationCode());
    assertEquals("110108000000016", entry.applicant().getBusinessLicenceNumber());
  }

  @Test
  void businessLicenceNumberWithOtherCharactersIsRefused() {
    Form form = new Form();
    form.businessLicenceNumber = "1101 0800";

    assertEquals(List.of("businessLicenceNumber applicant.licence"), form.problems());
  }

  @Test
  void organisationProfileRequiresTheOrganisationInTheSubject() {
    Form form = new Form();
    form.profile = "organisation-sign";
    form.organisation = "";
    form.organisationName = "Example Ltd";
    form.organisationCode = "91350100M000100Y43";

    Refusal refusal = assertThrows(Refusal.class, form::check);
    assertEquals(1, refusal.problems().size());
    assertNull(refusal.problems().get(0).field());
    assertEquals("application.subject", refusal.problems().get(0).key());
  }

  @Test
  void hostNamesAreRefusedOnDnsNamesWhenMalformed() {
    Form form = new Form();
    form.dnsNames = "www.example.cn\n*.example.cn";

    assertEquals(List.of("dnsNames application.hostNames"), form.problems());
  }

  /**
   * Host names are checked against the profile's subjectAltName forms at entry (personal-sign
   * allows only EMAIL), not left to fail in the lint when the reviewer approves.
   */
  @Test
  void hostNamesForAProfileThatAllowsNoneAreRefused() {
    Form form = new Form();
    form.dnsNames = "www.example.cn";

    assertEquals(List.of("dnsNames application.hostNamesNotAllowed"), form.problems());
  }

  /**
   * organisation-sign-2023 needs a unified social credit code (identity.requiredOneOf): a
   * 9-character organisation code is refused at entry, not at approval by the lint.
   */
  @Test
  void organisationCodeA2023ProfileCannotCarryIsRefusedAtEntry() {
    Form form = new Form();
    form.profile = "organisation-sign-2023";
    form.idDocumentType = "";
    form.idDocumentNumber = "";
    form.organisationName = "Example Ltd";
    form.organisationCode = "M000100Y4";

    assertEquals(List.of("organisationCode application.identityRequired"), form.problems());
  }

  /**
   * personal-sign-2023 has no identity extension for MILITARY_OFFICER_ID: the entry is refused
   * rather than the vetted identifier silently left out of the certificate.
   */
  @Test
  void idDocumentTypeTheProfileCannotCarryIsRefusedAtEntry() {
    Form form = new Form();
    form.profile = "personal-sign-2023";
    form.idDocumentType = "MILITARY_OFFICER_ID";
    form.idDocumentNumber = "12345678";

    assertEquals(List.of("idDocumentType application.identityNotWritten"), form.problems());
  }
}
