package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.refused;

import jakarta.inject.Inject;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The profiles a remote RA may not ask for: unknown ones and the system's own. */
@ExtendWith(ServiceTier.class)
class CertificateProfileCatalogueServiceTest {

  @Inject CertificateProfileCatalogue profiles;

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"no-such-profile", "tls-client", "ocsp-signer", "ca"})
  void aProfileRemoteRasMayNotRequestIsRefusedListingThoseTheyMay(String name) {
    String message =
        refused(
                RefusalCode.UNKNOWN_PROFILE,
                "profile '" + name + "' is unknown",
                () -> profiles.forRemoteRa(name))
            .getMessage();

    org.junit.jupiter.api.Assertions.assertTrue(
        message.contains("personal-sign") && !message.contains("tls-client,"), message);
  }
}
