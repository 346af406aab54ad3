package org.egovca.ca.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.egovca.hsm.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateProfilesTest {

  private static CertificateProfile profile(String name) {
    return CertificateProfiles.byName(name).orElseThrow();
  }

  @Test
  void personalSignRequiresCnAndAllowsEveryCpsAttribute() {
    CertificateProfile personalSign = profile("personal-sign");

    assertEquals("personal-sign", personalSign.name());
    assertEquals(Set.of(DnAttribute.CN), personalSign.requiredAttributes());
    assertEquals(
        EnumSet.of(
            DnAttribute.E,
            DnAttribute.CN,
            DnAttribute.L,
            DnAttribute.ST,
            DnAttribute.OU,
            DnAttribute.O,
            DnAttribute.C),
        personalSign.allowedAttributes());
  }

  @Test
  void personalSignAcceptsOnlySm2AndRsa2048Keys() {
    CertificateProfile personalSign = profile("personal-sign");

    assertEquals(Set.of(KeyAlgorithm.SM2_256, KeyAlgorithm.RSA_2048), personalSign.keyAlgorithms());
    assertEquals("SM2 (sm2p256v1), RSA 2048", personalSign.describeKeyAlgorithms());
  }

  @Test
  void personalSignIsASignatureCertificateOfTableC3() {
    CertificateProfile personalSign = profile("personal-sign");

    assertEquals(KeyUsage.digitalSignature | KeyUsage.nonRepudiation, personalSign.keyUsage());
    assertEquals(List.of(), personalSign.extendedKeyUsages());
    assertFalse(personalSign.hostNameAltNames());
    assertEquals(Duration.ofDays(365), personalSign.validity());
  }

  @Test
  void tlsProfilesCarryTheirExtendedKeyUsage() {
    assertEquals(
        List.of(KeyPurposeId.id_kp_serverAuth.getId()), profile("tls-server").extendedKeyUsages());
    assertTrue(profile("tls-server").hostNameAltNames());
    assertEquals(
        List.of(KeyPurposeId.id_kp_clientAuth.getId()), profile("tls-client").extendedKeyUsages());
    assertFalse(profile("tls-client").hostNameAltNames());
  }

  @Test
  void caProfileRequiresCnAndCountryWithCertificateSigningUsage() {
    CertificateProfile ca = profile("ca");

    assertEquals(Set.of(DnAttribute.CN, DnAttribute.C), ca.requiredAttributes());
    assertEquals(KeyUsage.keyCertSign | KeyUsage.cRLSign, ca.keyUsage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"unknown", "", "PERSONAL-SIGN"})
  void byNameIsEmptyForUnknownNames(String name) {
    assertEquals(Optional.empty(), CertificateProfiles.byName(name));
  }

  @ParameterizedTest
  @NullSource
  void byNameIsEmptyForNull(String name) {
    assertEquals(Optional.empty(), CertificateProfiles.byName(name));
  }

  @Test
  void remoteRaMayRequestPersonalSign() {
    assertEquals(
        Optional.of(profile("personal-sign")), CertificateProfiles.forRemoteRa("personal-sign"));
    assertEquals(Set.of("personal-sign"), CertificateProfiles.remoteRaProfileNames());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tls-server", "tls-client", "ca", "unknown"})
  void remoteRaMayNotRequestServiceCaOrUnknownProfiles(String name) {
    assertEquals(Optional.empty(), CertificateProfiles.forRemoteRa(name));
  }

  @ParameterizedTest
  @NullSource
  void remoteRaGetsNothingForNull(String name) {
    assertEquals(Optional.empty(), CertificateProfiles.forRemoteRa(name));
  }

  @Test
  void profileRefusesRequiredAttributesThatAreNotAllowed() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CertificateProfile(
                "broken",
                Set.of(DnAttribute.CN),
                Set.of(DnAttribute.O),
                Set.of(KeyAlgorithm.SM2_256),
                Duration.ofDays(1),
                0,
                List.of(),
                false));
  }

  @Test
  void profileWithoutKeyAlgorithmsDescribesThemAsNone() {
    CertificateProfile none =
        new CertificateProfile(
            "none", Set.of(), Set.of(), Set.of(), Duration.ofDays(1), 0, List.of(), false);

    assertEquals("none", none.describeKeyAlgorithms());
  }
}
