package org.egovca.ca.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.egovca.hsm.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileDefinitionsTest {

  private static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
  private static final int ENCRYPTION =
      KeyUsage.keyEncipherment | KeyUsage.dataEncipherment | KeyUsage.keyAgreement;

  private static List<CertificateProfile> shipped() {
    return ProfileDefinitions.bundled().stream().map(ProfileDefinitions::parse).toList();
  }

  @Test
  void everyCpsCertificateTypeShipsWithItsSigningAndEncryptionVariants() {
    Map<String, CertificateProfile> byName =
        shipped().stream()
            .collect(java.util.stream.Collectors.toMap(CertificateProfile::name, p -> p));
    for (CertificateProfile profile : byName.values()) {
      profile
          .encryptionCounterpart()
          .ifPresent(
              counterpart -> {
                CertificateProfile encryption = byName.get(counterpart);
                assertEquals(KeyPurpose.ENCRYPTION, encryption.purpose(), counterpart);
                assertEquals(profile.type(), encryption.type(), counterpart);
                assertEquals(profile.identity(), encryption.identity(), counterpart);
              });
    }
    assertEquals(
        Set.of(CertificateType.values()),
        shipped().stream()
            .map(CertificateProfile::type)
            .collect(java.util.stream.Collectors.toSet()));
    assertEquals(19, byName.size());
  }

  @Test
  void signingAndEncryptionKeyUsagesFollowTheDualCertificateModel() {
    for (CertificateProfile profile : shipped()) {
      switch (profile.purpose()) {
        case SIGNING -> assertEquals(SIGNING, profile.keyUsage(), profile.name());
        case ENCRYPTION -> assertEquals(ENCRYPTION, profile.keyUsage(), profile.name());
        case AS_DEFINED -> assertFalse(profile.remoteRa(), profile.name());
      }
    }
  }

  @Test
  void onlyTheLegacyProfileAcceptsRsa1024() {
    for (CertificateProfile profile : shipped()) {
      assertEquals(
          profile.name().startsWith("legacy-"),
          profile.keyAlgorithms().contains(KeyAlgorithm.RSA_1024),
          profile.name());
      assertEquals(profile.name().startsWith("legacy-"), profile.legacyKeys(), profile.name());
    }
  }

  @Test
  void deviceAndCodeSigningProfilesCarryTheirExtendedKeyUsage() {
    CertificateProfile ssl = TestProfiles.named("device-ssl-sign");
    assertEquals(List.of(KeyPurposeId.id_kp_serverAuth.getId()), ssl.extendedKeyUsages());
    assertEquals(Set.of(AltNameType.DNS, AltNameType.IP), ssl.altNames().allowed());
    assertTrue(ssl.altNames().required());
    assertEquals(
        List.of(KeyPurposeId.id_kp_ipsecIKE.getId()),
        TestProfiles.named("device-ipsec-enc").extendedKeyUsages());
    assertEquals(
        List.of(KeyPurposeId.id_kp_codeSigning.getId()),
        TestProfiles.named("code-signing").extendedKeyUsages());
  }

  @Test
  void personalSignIsTableC3WithThe2012IdentityExtensions() {
    CertificateProfile personal = TestProfiles.named("personal-sign");
    assertEquals(1, personal.version());
    assertEquals(CertificateType.PERSONAL, personal.type());
    assertEquals(Set.of(DnAttribute.CN), personal.requiredAttributes());
    assertEquals(Set.of(KeyAlgorithm.SM2_256, KeyAlgorithm.RSA_2048), personal.keyAlgorithms());
    assertEquals(Duration.ofDays(365), personal.validity());
    assertEquals(IdentityEdition.GMT0015_2012, personal.identity().edition());
    assertEquals(java.util.Optional.of("personal-enc"), personal.encryptionCounterpart());
    assertEquals("personal-sign v1", personal.label());
  }

  @Test
  void organisationProfilesRequireAnOrganisationIdentifier() {
    assertEquals(
        Set.of(IdentifierKind.ORGANISATION_CODE, IdentifierKind.IC_REGISTRATION),
        TestProfiles.named("organisation-sign").identity().requiredOneOf());
    assertEquals(
        Set.of(IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE),
        TestProfiles.named("organisation-sign-2023").identity().requiredOneOf());
  }

  @ParameterizedTest
  @CsvSource({
    "keyUsage, 'digitalSignature', key usage does not match a SIGNING",
    "keyAlgorithms, 'SM2_256,RSA_1024', RSA 1024 is allowed only by a profile flagged legacy",
    "identity.allowed, UNIFIED_SOCIAL_CREDIT_CODE, GMT0015_2012 has no extension for",
    "type, CITIZEN, 'type' has an unknown value 'CITIZEN'",
    "validityDays, 'a year', 'validityDays' is not a number",
    "extendedKeyUsage, 'serverAuthentication', neither a known purpose nor an OID",
    "remoteRa, yes, 'remoteRa' must be true or false"
  })
  void brokenDefinitionsAreRefusedNamingTheProblem(String key, String value, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestProfiles.changed("personal-sign", Map.of(key, value)));
    assertTrue(e.getMessage().startsWith("profile personal-sign: "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void unknownAndMissingKeysAreRefused() {
    String definition = TestProfiles.definition("personal-sign");
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> ProfileDefinitions.parse(definition + "\nvalidityYears=1\n"));
    assertTrue(unknown.getMessage().contains("unknown key 'validityYears'"), unknown.getMessage());
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> ProfileDefinitions.parse(definition.replaceAll("(?m)^validityDays=.*$", "")));
    assertTrue(missing.getMessage().contains("'validityDays' is missing"), missing.getMessage());
  }
}
