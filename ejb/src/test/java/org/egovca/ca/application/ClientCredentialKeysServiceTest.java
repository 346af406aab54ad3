package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.demoRa;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import jakarta.inject.Inject;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.testing.TestKeys;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every login or client credential has a key of its own. */
@ExtendWith(ServiceTier.class)
class ClientCredentialKeysServiceTest {

  @Inject ClientCredentialKeys keys;

  @Test
  void theKeyOfAValidClientCredentialIsRefusedNamingThatCredential() throws Exception {
    SubjectPublicKeyInfo demoKey = new X509CertificateHolder(demoRa()).getSubjectPublicKeyInfo();

    refused(
        RefusalCode.MALFORMED_REQUEST,
        "Demo Remote RA",
        () ->
            ServiceTier.inTransaction(
                em -> {
                  keys.requireUnused(demoKey);
                  return null;
                }));
  }

  @Test
  void aKeyNoCredentialCarriesPasses() {
    SubjectPublicKeyInfo fresh = TestKeys.spki(TestKeys.sm2KeyPair().getPublic());

    assertDoesNotThrow(
        () ->
            ServiceTier.inTransaction(
                em -> {
                  keys.requireUnused(fresh);
                  return null;
                }));
  }
}
