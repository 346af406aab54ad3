package org.egovca.ra.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.egovca.ca.testing.ResidentIds;
import org.egovca.ca.testing.TestKeys;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.ra.domain.Applicant;
import org.egovca.ra.domain.FeeStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NewCertificateEntryTest {

  private static final String ID = ResidentIds.of("44030819900307123");
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

  /** A good personal application, which the tests change one field at a time. */
  private static ApplicationForm form() {
    ApplicationForm form = new ApplicationForm();
    form.setProfile("personal-sign");
    form.setCommonName("Zhang San");
    form.setOrganisationalUnit("IT");
    form.setOrganisation("Example Ltd");
    form.setLocality("Haidian");
    form.setProvince("Beijing");
    form.setCountry("CN");
    form.setDnsNames("");
    form.setPkcs10(pkcs10);
    form.setApplicantName("Zhang San");
    form.setIdDocumentType("RESIDENT_ID_CARD");
    form.setIdDocumentNumber(ID);
    form.setEmail("zhangsan@example.cn");
    form.setPhone("+86 10 1234 5678");
    form.setDirectoryConsent(true);
    form.setAgreementAccepted(true);
    form.setFeeStatus(FeeStatus.PAID);
    form.setApplicationUnit("");
    return form;
  }

  private static NewCertificateEntry check(ApplicationForm form) {
    return NewCertificateEntry.check(form, PROFILE_LOOKUP, UNIT_LOOKUP);
  }

  /** The problems of a refused form, as "field key". */
  private static List<String> problems(ApplicationForm form) {
    Refusal refusal = assertThrows(Refusal.class, () -> check(form));
    assertEquals(RefusalCode.INVALID_INPUT, refusal.code());
    return refusal.problems().stream().map(p -> p.field() + " " + p.key()).toList();
  }

  @Test
  void goodPersonalApplicationYieldsTheSubjectDnInGmt0015Order() {
    NewCertificateEntry entry = check(form());

    assertEquals("CN=Zhang San,OU=IT,O=Example Ltd,L=Haidian,ST=Beijing,C=CN", entry.subjectDn());
    assertEquals("personal-sign", entry.profile().name());
    assertEquals("", entry.subjectAltNames());
    assertEquals(pkcs10.strip(), entry.pkcs10());
    assertNull(entry.unit());
  }

  @Test
  void goodPersonalApplicationYieldsTheApplicant() {
    Applicant applicant = check(form()).applicant();

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
    ApplicationForm form = form();
    form.setOrganisationalUnit(" ");
    form.setOrganisation(null);
    form.setLocality("");
    form.setProvince(null);
    form.setCountry("");

    assertEquals("CN=Zhang San,C=CN", check(form).subjectDn());
  }

  @Test
  void lowerCaseCountryIsRefused() {
    ApplicationForm form = form();
    form.setCountry("cn");

    assertEquals(List.of("country application.country"), problems(form));
  }

  @Test
  void applicationUnitIsLookedUpByItsTrimmedCode() {
    ApplicationForm form = form();
    form.setApplicationUnit(" tax ");

    assertSame(TAX, check(form).unit());
  }

  @Test
  void unknownApplicationUnitIsRefused() {
    ApplicationForm form = form();
    form.setApplicationUnit("police");

    assertEquals(List.of("applicationUnit unit.unknown"), problems(form));
  }

  @Test
  void severalBadFieldsAreReportedTogetherWithTheirFieldNames() {
    ApplicationForm form = form();
    form.setCommonName(" ");
    form.setOrganisation("CN=a,O=b");
    form.setEmail("zhangsan");
    form.setAgreementAccepted(false);

    assertEquals(
        List.of(
            "commonName field.required",
            "organisation field.dnSyntax",
            "email field.email",
            "agreementAccepted application.agreement"),
        problems(form));
  }

  @Test
  void badIdNumberIsReportedOnItsField() {
    ApplicationForm form = form();
    form.setIdDocumentNumber(ID.substring(0, 17) + (ID.charAt(17) == '0' ? '1' : '0'));

    assertEquals(List.of("idDocumentNumber applicant.documentNumber"), problems(form));
  }

  @Test
  void unpaidFeeIsRefused() {
    ApplicationForm form = form();
    form.setFeeStatus(FeeStatus.UNPAID);

    assertEquals(List.of("feeStatus application.fee"), problems(form));
  }

  @Test
  void missingFeeStatusIsRefused() {
    ApplicationForm form = form();
    form.setFeeStatus(null);

    assertEquals(List.of("feeStatus application.fee"), problems(form));
  }

  @Test
  void waivedFeeIsAccepted() {
    ApplicationForm form = form();
    form.setFeeStatus(FeeStatus.WAIVED);

    assertEquals("Zhang San", check(form).applicant().getName());
  }

  /**
   * Every problem is reported at once: the profile-dependent checks (ID document, organisation
   * code, agent, host names) run even when other fields failed, and an unaccepted agreement does
   * not hide an unpaid fee.
   */
  @Test
  void everyBadFieldIsReportedAtOnce() {
    ApplicationForm form = form();
    form.setCommonName(" ");
    form.setOrganisation("CN=a,O=b");
    form.setIdDocumentNumber("110105194912310021");
    form.setAgreementAccepted(false);
    form.setFeeStatus(FeeStatus.UNPAID);

    List<String> problems = problems(form);
    assertTrue(problems.contains("commonName field.required"), problems.toString());
    assertTrue(problems.contains("organisation field.dnSyntax"), problems.toString());
    assertTrue(problems.contains("idDocumentNumber applicant.documentNumber"), problems.toString());
    assertTrue(problems.contains("agreementAccepted application.agreement"), problems.toString());
    assertTrue(problems.contains("feeStatus application.fee"), problems.toString());
  }

  @Test
  void pkcs10WhoseSignatureDoesNotVerifyIsRefusedOnThePkcs10Field() {
    ApplicationForm form = form();
    form.setPkcs10(forgedPkcs10);

    assertEquals(List.of("pkcs10 application.pkcs10"), problems(form));
  }

  @Test
  void pkcs10ThatIsNotARequestIsRefusedOnThePkcs10Field() {
    ApplicationForm form = form();
    form.setPkcs10("aGVsbG8gd29ybGQ=");

    assertEquals(List.of("pkcs10 application.pkcs10"), problems(form));
  }

  @Test
  void missingPkcs10IsRequired() {
    ApplicationForm form = form();
    form.setPkcs10("  ");

    assertEquals(List.of("pkcs10 field.required"), problems(form));
  }

  /** The form of an applicant who asked in writing that the CA generate the key (§6.1.4.10.1). */
  private static ApplicationForm keyGenerationForm(String algorithm) {
    ApplicationForm form = form();
    form.setPkcs10(null);
    form.setKeyGenerationRequested(true);
    form.setGeneratedKeyAlgorithm(algorithm);
    return form;
  }

  @Test
  void aKeyTheCaGeneratesIsSm2UnlessAnotherTypeIsNamedAndNeedsNoPkcs10() {
    NewCertificateEntry sm2 = check(keyGenerationForm(null));
    assertTrue(sm2.keyGeneration().isRequested());
    assertEquals(KeyAlgorithm.SM2_256, sm2.keyGeneration().getAlgorithm());
    assertNull(sm2.pkcs10());

    assertEquals(
        KeyAlgorithm.RSA_2048, check(keyGenerationForm("RSA_2048")).keyGeneration().getAlgorithm());
    assertFalse(check(form()).keyGeneration().isRequested());
  }

  @Test
  void aKeyTheCaGeneratesComesWithoutAPkcs10() {
    ApplicationForm form = keyGenerationForm("SM2_256");
    form.setPkcs10(pkcs10);

    assertEquals(List.of("pkcs10 application.pkcs10WithKeyGeneration"), problems(form));
  }

  @Test
  void aKeyTypeTheProfileDoesNotAcceptIsRefused() {
    assertEquals(
        List.of("generatedKeyAlgorithm application.keyAlgorithmNotAllowed"),
        problems(keyGenerationForm("RSA_4096")));
    assertEquals(
        List.of("generatedKeyAlgorithm application.keyAlgorithm"),
        problems(keyGenerationForm("DSA")));
  }

  @Test
  void dualCertificatesNeedAGeneratedSm2Key() {
    ApplicationForm form = keyGenerationForm("RSA_2048");
    form.setDualCertificate(true);

    assertEquals(List.of("generatedKeyAlgorithm application.dualNeedsSm2"), problems(form));
  }

  @Test
  void unknownProfileIsRefusedOnTheProfileField() {
    ApplicationForm form = form();
    form.setProfile("no-such-profile");

    assertEquals(List.of("profile application.profile"), problems(form));
  }

  @Test
  void personalApplicationNeedsAnIdDocumentType() {
    ApplicationForm form = form();
    form.setIdDocumentType("");
    form.setIdDocumentNumber("");

    assertEquals(
        List.of("idDocumentType field.required", "idDocumentNumber field.required"),
        problems(form));
  }

  @Test
  void dualCertificateForAProfileWithoutEncryptionCounterpartIsRefused() {
    ApplicationForm form = form();
    form.setProfile("personal-sign-single");
    form.setDualCertificate(true);

    assertEquals(List.of("dualCertificate application.noEncryption"), problems(form));
  }

  @Test
  void dualCertificateForAProfileWithEncryptionCounterpartIsAccepted() {
    ApplicationForm form = form();
    form.setDualCertificate(true);

    assertEquals("personal-sign", check(form).profile().name());
  }

  @Test
  void agentNeedsTheirOwnDocumentTypeAndNumber() {
    ApplicationForm form = form();
    form.setAgentName("Li Si");
    form.setAgentIdDocumentType("DRIVING_LICENCE");
    form.setAgentIdDocumentNumber("");

    assertEquals(
        List.of(
            "agentIdDocumentType applicant.documentType", "agentIdDocumentNumber field.required"),
        problems(form));
  }

  @Test
  void agentWithValidDocumentIsRecorded() {
    ApplicationForm form = form();
    form.setAgentName("Li Si");
    form.setAgentIdDocumentType("RESIDENT_ID_CARD");
    form.setAgentIdDocumentNumber("11010519491231002x");

    Applicant applicant = check(form).applicant();
    assertTrue(applicant.hasAgent());
    assertEquals("Li Si", applicant.getAgentName());
    assertEquals("RESIDENT_ID_CARD", applicant.getAgentIdDocumentType());
    assertEquals("11010519491231002X", applicant.getAgentIdDocumentNumber());
  }

  @Test
  void organisationApplicationNeedsOrganisationNameAndCode() {
    ApplicationForm form = form();
    form.setProfile("organisation-sign");
    form.setIdDocumentType("");
    form.setIdDocumentNumber("");

    assertEquals(
        List.of("organisationName field.required", "organisationCode field.required"),
        problems(form));
  }

  @Test
  void organisationApplicationKeepsItsUnifiedSocialCreditCode() {
    ApplicationForm form = form();
    form.setProfile("organisation-sign");
    form.setIdDocumentType("");
    form.setIdDocumentNumber("");
    form.setOrganisationName("Example Ltd");
    form.setOrganisationCode("91350100M000100Y43");
    form.setBusinessLicenceNumber("110108000000016");

    NewCertificateEntry entry = check(form);
    assertEquals("organisation-sign", entry.profile().name());
    assertNull(entry.applicant().getIdDocumentType());
    assertEquals("Example Ltd", entry.applicant().getOrganisationName());
    assertEquals("91350100M000100Y43", entry.applicant().getOrganisationCode());
    assertEquals("110108000000016", entry.applicant().getBusinessLicenceNumber());
  }

  @Test
  void businessLicenceNumberWithOtherCharactersIsRefused() {
    ApplicationForm form = form();
    form.setBusinessLicenceNumber("1101 0800");

    assertEquals(List.of("businessLicenceNumber applicant.licence"), problems(form));
  }

  @Test
  void organisationProfileRequiresTheOrganisationInTheSubject() {
    ApplicationForm form = form();
    form.setProfile("organisation-sign");
    form.setOrganisation("");
    form.setOrganisationName("Example Ltd");
    form.setOrganisationCode("91350100M000100Y43");

    Refusal refusal = assertThrows(Refusal.class, () -> check(form));
    assertEquals(1, refusal.problems().size());
    assertNull(refusal.problems().get(0).field());
    assertEquals("application.subject", refusal.problems().get(0).key());
  }

  @Test
  void hostNamesAreRefusedOnDnsNamesWhenMalformed() {
    ApplicationForm form = form();
    form.setDnsNames("www.example.cn\n*.example.cn");

    assertEquals(List.of("dnsNames application.hostNames"), problems(form));
  }

  /**
   * Host names are checked against the profile's subjectAltName forms at entry (personal-sign
   * allows only EMAIL), not left to fail in the lint when the reviewer approves.
   */
  @Test
  void hostNamesForAProfileThatAllowsNoneAreRefused() {
    ApplicationForm form = form();
    form.setDnsNames("www.example.cn");

    assertEquals(List.of("dnsNames application.hostNamesNotAllowed"), problems(form));
  }

  /**
   * organisation-sign-2023 needs a unified social credit code (identity.requiredOneOf): a
   * 9-character organisation code is refused at entry, not at approval by the lint.
   */
  @Test
  void organisationCodeA2023ProfileCannotCarryIsRefusedAtEntry() {
    ApplicationForm form = form();
    form.setProfile("organisation-sign-2023");
    form.setIdDocumentType("");
    form.setIdDocumentNumber("");
    form.setOrganisationName("Example Ltd");
    form.setOrganisationCode("M000100Y4");

    assertEquals(List.of("organisationCode application.identityRequired"), problems(form));
  }

  /**
   * personal-sign-2023 has no identity extension for MILITARY_OFFICER_ID: the entry is refused
   * rather than the vetted identifier silently left out of the certificate.
   */
  @Test
  void idDocumentTypeTheProfileCannotCarryIsRefusedAtEntry() {
    ApplicationForm form = form();
    form.setProfile("personal-sign-2023");
    form.setIdDocumentType("MILITARY_OFFICER_ID");
    form.setIdDocumentNumber("12345678");

    assertEquals(List.of("idDocumentType application.identityNotWritten"), problems(form));
  }
}
