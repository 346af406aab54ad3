package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.ACTOR;
import static org.egovca.ca.application.CaServiceFixtures.auditEvents;
import static org.egovca.ca.application.CaServiceFixtures.certificatesNamed;
import static org.egovca.ca.application.CaServiceFixtures.demoRa;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.sm2Csr;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.util.List;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What {@link CertificateIssuer} refuses at the last moment: a certificate the pre-issuance lint
 * finds against its profile, and a key no signature algorithm of the CA covers.
 */
@ExtendWith(ServiceTier.class)
class CertificateIssuerServiceTest {

  @Inject RemoteRaService service;
  @Inject CertificateIssuer issuer;
  @Inject CertificateAuthorities authorities;
  @Inject CertificateProfileCatalogue profiles;

  @Test
  void aCertificateThatWouldBreakItsProfileIsRefusedByTheLintAndNothingIsWritten() {
    String cn = unique("Organisation ");
    IssuanceRequest withoutCode =
        new IssuanceRequest(
            "organisation-sign", "CN=" + cn + ",O=Test", sm2Csr(TestKeys.sm2KeyPair()));

    refused(
        RefusalCode.PROFILE_VIOLATION,
        "the certificate would break profile organisation-sign",
        () -> service.issueCertificate(demoRa(), withoutCode));

    assertEquals(0, certificatesNamed(cn));
    assertEquals(1, auditEvents(cn, AuditOutcome.FAILURE));
  }

  @Test
  void aKeyOfNoSupportedAlgorithmIsRefused() {
    String cn = unique("Edwards ");

    refused(
        RefusalCode.UNSUPPORTED_KEY,
        "is not supported",
        () ->
            ServiceTier.inTransaction(
                em -> {
                  CertificateProfile profile = profiles.require("personal-sign");
                  return issuer.issue(
                      authorities.byName("iFutureCA").orElseThrow(),
                      profile,
                      new EndEntityContent(
                          SubjectNames.parse("CN=" + cn, profile),
                          TestKeys.spki(ed25519()),
                          List.of(),
                          List.of()),
                      ACTOR,
                      IssuanceTerms.published());
                }));
    assertEquals(0, certificatesNamed(cn));
  }

  private static java.security.PublicKey ed25519() {
    try {
      return java.security.KeyPairGenerator.getInstance("Ed25519", TestKeys.BC)
          .generateKeyPair()
          .getPublic();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
